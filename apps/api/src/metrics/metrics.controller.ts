import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus scrapes, for the addresses in METRICS_ALLOW only; anyone else is told there is no such
 * page. The connection's own address is what counts, not X-Forwarded-For, whatever TRUST_PROXY says:
 * a proxy on the same host would make every client it forwards look like loopback, so a request
 * that carries forwarding headers is refused too. Scrape each instance directly.
 */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (forwarded || !this.metrics.allows(req.socket.remoteAddress)) throw new NotFoundException();
    res
      .type(this.metrics.registry.contentType)
      .setHeader('cache-control', 'no-store')
      .send(await this.metrics.registry.metrics());
  }
}
