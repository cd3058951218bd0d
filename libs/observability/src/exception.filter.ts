import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError } from '@clipyard/contracts';
import { redactUrl } from './logger';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_CONTENT_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

/**
 * The one place errors become HTTP: `{"error":{"code","message","details"?,"requestId"}}`.
 * AppErrors keep their code; framework errors get a code from their status; anything else is a
 * 500 logged in full and shown without internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { status, body, headers } = this.toResponse(exception, String(req.id));
    if (status >= 500 && body.error.code !== 'UPSTREAM_UNAVAILABLE') {
      this.logger.error({ err: exception, requestId: req.id, url: redactUrl(req.url) }, 'unhandled error');
    }
    if (headers) for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.status(status).send(body);
  }

  private toResponse(e: unknown, requestId: string): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    if (e instanceof AppError) {
      return {
        status: e.httpStatus,
        headers: e.headers,
        body: { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}), requestId } },
      };
    }
    if (e instanceof ZodError) {
      return {
        status: 422,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: `Invalid ${e.issues.map((i) => i.path.join('.') || 'input').join(', ')}`,
            details: { issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
            requestId,
          },
        },
      };
    }
    const fastifyErr = e as { statusCode?: number; code?: string; message?: string; validation?: unknown };
    if (e instanceof HttpException || (fastifyErr?.statusCode && fastifyErr.statusCode < 500)) {
      const status = e instanceof HttpException ? e.getStatus() : (fastifyErr.statusCode as number);
      const resp = e instanceof HttpException ? e.getResponse() : undefined;
      const details = typeof resp === 'object' && resp && 'details' in resp ? (resp as { details: unknown }).details : undefined;
      let code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
      if (status === 404 && !(e instanceof AppError) && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(String(fastifyErr.message))) code = 'ROUTE_NOT_FOUND';
      if (fastifyErr.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') code = 'UNSUPPORTED_CONTENT_TYPE';
      if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE') code = 'PAYLOAD_TOO_LARGE';
      const message = status >= 500 ? 'Internal error' : (fastifyErr.message ?? 'Bad request');
      return { status, body: { error: { code, message, ...(details ? { details } : {}), requestId } } };
    }
    return { status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error', requestId } } };
  }
}
