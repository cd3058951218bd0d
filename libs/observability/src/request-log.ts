import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Level, Logger } from 'pino';
import { redactUrl } from './logger';

export interface RequestLogOptions {
  /**
   * GET requests to paths matching this that answer 200/304 log at debug, not info: status polls
   * (thousands a second) would otherwise cost a JSON line each, written and then relabelled by
   * whatever collects the logs. Their errors, and every other request, still log at info or above.
   */
  pollPaths?: RegExp;
  /**
   * POST requests to paths matching this that answer 2xx log at debug, not info: sign-ins, whose
   * every outcome the auth app records as an audit row (`login.succeeded`, `login.mfa_required`,
   * with the address and user agent), so the request line adds nothing but its cost on the
   * sign-in path. Their refusals (4xx) and errors still log at warn and error.
   */
  auditedPaths?: RegExp;
}

/** Requests never logged (probes and scrapes, every few seconds). */
const UNLOGGED = /^\/(health|metrics)/;

const kLogger = Symbol('requestLogger');

/**
 * One line per request, written when the response has gone out (a Fastify `onResponse` hook):
 * `{"level","time","app","req":{"id","method","url"},"res":{"statusCode"},"responseTime","msg"}`,
 * through the app's root logger (so its redaction applies), the URL's credentials redacted. Nothing
 * is built for a request whose line is below the logger's level (a poll at info), and there is no
 * per-request child logger or AsyncLocalStorage: app code that wants one asks `for(req)`, which
 * makes it on first use.
 */
export class RequestLog {
  constructor(
    readonly root: Logger,
    private readonly opts: RequestLogOptions = {},
  ) {}

  /** The level of a finished request's line, or null when it is not logged at all. */
  levelOf(method: string, url: string, status: number): Level | null {
    if (UNLOGGED.test(url)) return null;
    if (status >= 500) return 'error';
    if (status >= 400) return 'warn';
    const { pollPaths: poll, auditedPaths: audited } = this.opts;
    if (poll && method === 'GET' && (status === 200 || status === 304) && poll.test(url)) return 'debug';
    return audited && method === 'POST' && audited.test(url) ? 'debug' : 'info';
  }

  /** Writes the line of a finished request (the `onResponse` hook calls this). */
  write(req: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const level = this.levelOf(req.method, req.url, status);
    if (level === null || !this.root.isLevelEnabled(level)) return;
    this.root[level](
      {
        req: { id: req.id, method: req.method, url: redactUrl(req.url) },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
      },
      status >= 500 ? 'request errored' : 'request completed',
    );
  }

  /** The line of a request whose client went away before it was answered (`onRequestAbort`). */
  aborted(req: FastifyRequest): void {
    if (UNLOGGED.test(req.url) || !this.root.isLevelEnabled('info')) return;
    this.root.info({ req: { id: req.id, method: req.method, url: redactUrl(req.url) } }, 'request aborted');
  }

  /** A logger for app code inside a request: the root's lines with the request's `req` fields, made on first use. */
  for(req: FastifyRequest): Logger {
    const r = req as FastifyRequest & { [kLogger]?: Logger };
    return (r[kLogger] ??= this.root.child({ req: { id: req.id, method: req.method, url: redactUrl(req.url) } }));
  }
}
