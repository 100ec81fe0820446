import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisClient } from '../redis/redis.provider';
import { Public } from '../http/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    const postgres = () => this.db.pingCheck('postgres', { timeout: 2000 });
    // single-machine mode has no Redis to ask about
    return this.health.check(this.redis.enabled ? [postgres, () => this.pingRedis()] : [postgres]);
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      const answer = await Promise.race([this.redis.redis.ping(), new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: String(answer) });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
