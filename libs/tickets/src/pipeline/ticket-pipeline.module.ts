import { Module } from '@nestjs/common';
import { PipelineSteps } from './pipeline-steps';
import { PipelineSweeper } from './pipeline-sweeper';
import { TicketPipelineProcessor } from './ticket-pipeline.processor';

/** Worker-only: the consumer of the tickets queue, and the sweeper that re-queues what Redis lost. */
@Module({ providers: [TicketPipelineProcessor, PipelineSteps, PipelineSweeper], exports: [PipelineSteps, PipelineSweeper] })
export class TicketPipelineModule {}
