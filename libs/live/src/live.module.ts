import { Module } from '@nestjs/common';
import { AuthModule } from '@hub/auth';
import { ConsoleGateway } from './console.gateway';
import { LivePublisher } from './live-publisher.service';

@Module({ imports: [AuthModule], providers: [ConsoleGateway, LivePublisher], exports: [ConsoleGateway, LivePublisher] })
export class LiveModule {}
