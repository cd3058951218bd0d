import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError, QUEUES } from '@clipyard/contracts';
import { ROOT_LOGGER } from '@clipyard/observability';
import { QueueClient } from '@clipyard/queue';
import { AuthGuard, missingScopes } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';

export const QUEUE_BOARD_PATH = '/admin/queues';
const CHALLENGE = 'Basic realm="Clipyard queues", charset="UTF-8"';

export interface QueueBoardOptions {
  /** The gateway guard's credential check (API key or access token → Principal; throws AppError). */
  authenticate(req: FastifyRequest): Promise<Principal>;
  queues: Queue[];
  logger: Logger;
}

/**
 * Mounts Bull Board at /admin/queues for admins only. Its routes are a Fastify plugin, not Nest
 * routes, so the global AuthGuard does not run: an onRequest hook scoped to the plugin reuses the
 * guard's verification and requires the admin role (and, for an API key, the admin scope). Besides `X-API-Key` and `Authorization:
 * Bearer`, it accepts HTTP Basic with an admin API key as the password, so a browser can open the
 * dashboard (it prompts once, then sends the credentials with the dashboard's own API calls).
 */
export async function mountQueueBoard(app: NestFastifyApplication, opts: QueueBoardOptions): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: opts.queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Clipyard queues' } },
  });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const principal = await opts.authenticate(basicAsApiKey(req));
        if (principal.role !== 'admin') throw new AppError('INSUFFICIENT_ROLE', 'The queue dashboard needs the admin role', undefined, 403);
        if (missingScopes(principal, ['admin']).length) throw new AppError('INSUFFICIENT_SCOPE', 'The queue dashboard needs an API key with the admin scope', { missing: ['admin'] });
        (req as FastifyRequest & { principal?: Principal }).principal = principal;
        if (req.method !== 'GET') opts.logger.info({ userId: principal.userId, method: req.method, url: req.url }, 'admin queue action');
      } catch (err) {
        const e = err instanceof AppError ? err : new AppError('UNAUTHENTICATED', 'Missing or invalid credentials');
        const status = e.httpStatus;
        if (status === 401) reply.header('WWW-Authenticate', CHALLENGE);
        for (const [k, v] of Object.entries(e.headers ?? {})) if (k.toLowerCase() !== 'www-authenticate') reply.header(k, v);
        return reply.code(status).send({ error: { code: e.code, message: e.message, requestId: req.id } });
      }
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_BOARD_PATH });
  });
}

/** The board on the gateway: every plain queue (media, job events, usage events), the guard's check. */
export function mountGatewayQueueBoard(app: NestFastifyApplication): Promise<void> {
  const guard = app.get(AuthGuard);
  const queues = app.get(QueueClient);
  return mountQueueBoard(app, {
    authenticate: (req) => guard.authenticate(req),
    queues: Object.values(QUEUES).map((name) => queues.queue(name)),
    logger: app.get<Logger>(ROOT_LOGGER),
  });
}

/** `Authorization: Basic base64(any:<api key>)` → `X-API-Key: <api key>` for the guard's check. */
function basicAsApiKey(req: FastifyRequest): FastifyRequest {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return req;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const key = decoded.slice(decoded.indexOf(':') + 1);
  delete req.headers.authorization;
  if (key) req.headers['x-api-key'] = key;
  return req;
}
