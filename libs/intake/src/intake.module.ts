import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@hub/auth';
import { TicketsModule } from '@hub/tickets';
import { IntakeCommitter } from './intake-committer';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { FeedRecordsController } from './raw/feed-records.controller';
import { FeedRecordsService } from './raw/feed-records.service';
import { RawRecordEntity } from './raw/raw-record.entity';
import { RawRecordsService } from './raw/raw-records.service';
import { TicketRawController } from './raw/ticket-raw.controller';
import { TicketRawService } from './raw/ticket-raw.service';

@Module({
  imports: [TypeOrmModule.forFeature([RawRecordEntity]), AuthModule, TicketsModule],
  controllers: [IntakeController, FeedRecordsController, TicketRawController],
  providers: [IntakeService, IntakeCommitter, RawRecordsService, FeedRecordsService, TicketRawService],
  exports: [IntakeService, RawRecordsService],
})
export class IntakeModule {}
