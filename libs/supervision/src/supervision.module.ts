import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { SupervisionController } from './supervision.controller';
import { SupervisionFigures } from './supervision-figures.service';
import { SupervisionRollupProcessor } from './supervision-rollup.processor';
import { SupervisionRollup } from './supervision-rollup.service';

/** API side: the dashboard and assessment figures, read from the rollups. */
@Module({
  imports: [AuthModule],
  controllers: [SupervisionController],
  providers: [SupervisionFigures, SupervisionRollup],
  exports: [SupervisionFigures, SupervisionRollup],
})
export class SupervisionModule {}

/** Worker side: the rollup job that keeps the figures up to date, and the figures for jobs that report them. */
@Module({
  providers: [SupervisionRollup, SupervisionRollupProcessor, SupervisionFigures],
  exports: [SupervisionRollup, SupervisionFigures],
})
export class SupervisionWorkerModule {}
