import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { AuthGuard, type RouteAccess } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { pathId } from '../http/id.pipe';
import { addRouteHook } from '../http/route-hooks';
import { answerPoll } from './job.presenter';
import type { JobRecord } from './job.record';
import { JobsController } from './jobs.controller';
import { JobsQueryService } from './jobs-query.service';

/** The Nest route this fast path answers for (Fastify's form of `@Get(':id')` under `v1/jobs`). */
export const POLL_ROUTE = '/v1/jobs/:id';

/**
 * `GET /v1/jobs/{id}` answered in the route's Fastify `preHandler` hook, before Nest's router, guard, pipes
 * and parameter resolution, when everything about the poll is already in memory. It decides
 * nothing of its own: AuthGuard.admit (the same passport strategies, rate limiter, role and scope
 * checks, with the Nest route's own @Scopes) admits the caller, the job comes from the status
 * cache under the caller's user id (as JobsQueryService.get would find it), and answerPoll writes
 * what the controller writes. The security headers, CORS, request id, request log, latency metrics
 * and API-request metering are Fastify hooks, so they run as for any route.
 *
 * Anything else goes on to the Nest route, which answers it as before: a refused caller (the guard
 * there gets the same decision: no second authentication, no second rate-limit point), a job not
 * in memory or not the caller's, a malformed id, a request with cookies (the dashboard's session).
 */
@Injectable()
export class JobPollFastPath implements OnApplicationBootstrap {
  /** Polls answered here (tests read it to know which path answered). */
  served = 0;
  private access?: RouteAccess;
  private attached = false;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly guard: AuthGuard,
    private readonly query: JobsQueryService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.attach();
  }

  /**
   * The hook is the poll route's own `preHandler` (added as Nest declares the route, hence here in
   * the constructor: Nest registers its routes before any onModuleInit), not a hook of every route:
   * no other request pays for it, and a poll needs no lookup of its route to be recognised.
   */
  private attach(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // the admin REPL: no HTTP server
    addRouteHook(fastify, 'preHandler', this.hook, (route) => route.url === POLL_ROUTE && route.method === 'GET', () => (this.attached = true));
  }

  private readonly hook: preHandlerHookHandler = (req, reply, done) => {
    if (req.method !== 'GET' || req.headers.cookie !== undefined || !this.access) return done();
    const id = pathId((req.params as { id?: unknown }).id);
    if (id === undefined) return done();
    let admitted: Principal | Promise<Principal>;
    try {
      admitted = this.guard.admission(req, this.access);
    } catch {
      return done(); // refused: the Nest route's guard answers with the same decision
    }
    if (admitted instanceof Promise) {
      admitted.then(
        (principal) => this.serve(req, reply, principal, id, done),
        () => done(),
      );
    } else this.serve(req, reply, admitted, id, done);
  };

  /** Answers the poll of an admitted caller from memory, or hands it on to the Nest route. */
  private serve(req: FastifyRequest, reply: FastifyReply, principal: Principal, id: string, done: () => void): void {
    let body: string | undefined;
    try {
      const job = this.query.cached(principal.userId, id);
      if (!job) return done();
      body = this.answer(req, reply, job);
    } catch {
      return done();
    }
    this.served++;
    reply.send(body);
  }

  /** The Nest route's own declarations, once it exists (no fast path if its path ever changes). */
  onApplicationBootstrap(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    if (!fastify.hasRoute({ method: 'GET', url: POLL_ROUTE }) || !this.attached) throw new Error(`JobPollFastPath: no route GET ${POLL_ROUTE} to answer for`);
    this.access = this.guard.routeAccess(JobsController.prototype.get, JobsController);
  }

  private answer(req: FastifyRequest, reply: FastifyReply, job: JobRecord): string | undefined {
    const inm = req.headers['if-none-match'];
    return answerPoll(reply, job, this.query.rendered(job), inm, this.config.JOB_POLL_RETRY_AFTER_S);
  }
}
