import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { TrendAlerts } from './trend-alerts.service';
import { TrendRollup } from './trend-rollup.service';
import { TrendsController } from './trends.controller';
import { TrendWatchProcessor } from './trend-watch.processor';

/** API side: supervisors read and acknowledge trend alerts, and may ask for a scan now. */
@Module({
  imports: [AuthModule],
  controllers: [TrendsController],
  providers: [TrendAlerts, TrendRollup],
  exports: [TrendAlerts],
})
export class TrendsModule {}

/** Worker side: the scheduled trend watch. */
@Module({
  providers: [TrendAlerts, TrendRollup, TrendWatchProcessor],
  exports: [TrendAlerts],
})
export class TrendsWorkerModule {}
