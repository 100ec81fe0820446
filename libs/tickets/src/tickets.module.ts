import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@hub/auth';
import { CalendarModule } from '@hub/calendar';
import { TicketClocks } from './clocks/ticket-clocks.service';
import { TicketRewards } from './ticket-rewards';
import { AttachmentEntity } from './attachment.entity';
import { ReporterSecretStore } from './reporter-secret.store';
import { AttachmentStore } from './attachment.store';
import { TicketHistoryEntity } from './ticket-history.entity';
import { TicketStore } from './ticket-store.service';
import { TicketIntakeMarks } from './ticket-intake-marks';
import { TicketTransitions } from './ticket-transitions.service';
import { TicketEntity } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([TicketEntity, TicketHistoryEntity, AttachmentEntity]), AuthModule, CalendarModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketStore, TicketIntakeMarks, TicketTransitions, TicketClocks, TicketRewards, ReporterSecretStore, AttachmentStore],
  exports: [TicketsService, TicketStore, TicketIntakeMarks, TicketTransitions, TicketClocks, TicketRewards, AttachmentStore, CalendarModule],
})
export class TicketsModule {}
