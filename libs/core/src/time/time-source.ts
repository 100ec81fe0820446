import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The current time for domain clocks (deadlines, escalation). One injectable source, so
 * a test can run the lifecycle at a chosen date (e.g. before the Spring Festival).
 */
@Injectable()
export class TimeSource {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [TimeSource], exports: [TimeSource] })
export class TimeModule {}
