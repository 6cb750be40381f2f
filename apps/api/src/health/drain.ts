import { Injectable } from '@nestjs/common';
import type { Server } from 'node:http';

/**
 * Graceful shutdown: once draining, readiness fails (so a load balancer sends no new work) while
 * the server keeps answering and the requests in flight finish. Requests are counted from their
 * arrival to the end of their response.
 */
@Injectable()
export class Drain {
  private draining = false;
  private inFlight = 0;
  private readonly whenIdle: (() => void)[] = [];

  get active(): boolean {
    return this.draining;
  }

  track(server: Server): void {
    server.prependListener('request', (_req, res) => {
      this.inFlight++;
      // Keep-alive clients are told to reconnect, to an instance that is not stopping.
      if (this.draining) res.setHeader('connection', 'close');
      res.once('close', () => {
        this.inFlight--;
        if (this.inFlight === 0) this.whenIdle.splice(0).forEach((resolve) => resolve());
      });
    });
  }

  /** Starts draining; resolves true once no request is in flight, false if some still are after `graceMs`. */
  async start(graceMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<true>((resolve) => this.whenIdle.push(() => resolve(true)));
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const finished = await Promise.race([idle, late]);
    clearTimeout(timer);
    return finished;
  }
}
