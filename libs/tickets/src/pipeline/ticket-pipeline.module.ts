import { Module } from '@nestjs/common';
import { PipelineSteps } from './pipeline-steps';
import { TicketPipelineProcessor } from './ticket-pipeline.processor';

/** Worker-only: the consumer of the tickets queue. */
@Module({ providers: [TicketPipelineProcessor, PipelineSteps], exports: [PipelineSteps] })
export class TicketPipelineModule {}
