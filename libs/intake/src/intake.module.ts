import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '@hub/tickets';
import { IntakeCommitter } from './intake-committer';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { FeedRecordsController } from './raw/feed-records.controller';
import { FeedRecordsService } from './raw/feed-records.service';
import { RawRecordEntity } from './raw/raw-record.entity';
import { RawRecordsService } from './raw/raw-records.service';

@Module({
  imports: [TypeOrmModule.forFeature([RawRecordEntity]), TicketsModule],
  controllers: [IntakeController, FeedRecordsController],
  providers: [IntakeService, IntakeCommitter, RawRecordsService, FeedRecordsService],
  exports: [IntakeService],
})
export class IntakeModule {}
