import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseProbe } from './database-probe.js';
import { Drain } from './drain.js';

/** Liveness says the process answers; readiness says it can reach PostgreSQL and is not stopping. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly drain: Drain,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    if (this.drain.active) throw new ServiceUnavailableException({ status: 'stopping' });
    if (!(await this.database.reachable())) {
      throw new ServiceUnavailableException({ status: 'unavailable', database: 'down' });
    }
    return { status: 'ok', database: 'up' };
  }
}
