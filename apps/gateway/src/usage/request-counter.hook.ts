import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { RequestCounter } from './request-counter';

/**
 * Counts every authenticated API request against its user once it has been answered (the guard
 * set `request.principal`). A Fastify onResponse hook rather than a Nest interceptor: a global
 * interceptor wraps every route in rxjs and AsyncResource bindings, ~5 % of the gateway's CPU on
 * the status-polling path.
 */
@Injectable()
export class RequestCounterHook implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly counter: RequestCounter,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (req: FastifyRequest & { principal?: Principal }, _reply, done) => {
      if (req.principal?.userId) this.counter.count(req.principal.userId);
      done();
    });
  }
}
