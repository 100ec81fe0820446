import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { InAppNotifier } from './in-app-notifier.service';
import { NOTIFIER } from './notifier';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notices for staff; the Notifier used by every feature that tells someone something. */
@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, InAppNotifier, { provide: NOTIFIER, useExisting: InAppNotifier }],
  exports: [NOTIFIER, NotificationsService],
})
export class NotificationsModule {}
