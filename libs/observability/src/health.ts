import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Metrics } from './metrics';
import { Public } from './public.decorator';

/** A named dependency check for `/health/ready`; resolves when up, throws when down. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms).unref())]);

/** Liveness, readiness and Prometheus metrics; mounted by every app. */
@Public()
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: FastifyReply) {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), 10_000);
          return [c.name, { status: 'up' }] as const;
        } catch (err) {
          return [c.name, { status: 'down', error: (err as Error).message }] as const;
        }
      }),
    );
    const down = results.filter(([, r]) => r.status === 'down').map(([name]) => name);
    res.status(down.length ? 503 : 200);
    // `down` names what is unreachable first (database, redis), then the services behind it.
    return { status: down.length ? 'degraded' : 'ok', ...(down.length ? { down } : {}), checks: Object.fromEntries(results) };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async prometheus() {
    return this.metrics.registry.metrics();
  }
}
