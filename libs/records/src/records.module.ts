import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { CasesModule } from '@hub/cases';
import { TicketsModule } from '@hub/tickets';
import { CreditRecordsController } from './credit-records.controller';
import { CreditRecords } from './credit-records.service';
import { PublicRecordsController } from './public-records.controller';
import { PublicRecordsLimits } from './public-records.limits';
import { PublicRecords } from './public-records.service';
import { RecordsHooks } from './records-on-case-closed.listener';
import { RecordsSweepProcessor } from './records-sweep.processor';

/** API side: records follow closes, mark new tickets, answer staff and the public disclosure. */
@Module({
  imports: [TicketsModule, AuthModule, CasesModule],
  controllers: [CreditRecordsController, PublicRecordsController],
  providers: [CreditRecords, PublicRecords, PublicRecordsLimits, RecordsHooks],
  exports: [CreditRecords, PublicRecords],
})
export class RecordsModule {}

/** Worker side: the delisting sweep. */
@Module({
  imports: [TicketsModule],
  providers: [CreditRecords, RecordsSweepProcessor],
})
export class RecordsWorkerModule {}
