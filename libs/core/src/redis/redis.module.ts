import { Global, Module } from '@nestjs/common';
import { RedisClient } from './redis.provider';

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
