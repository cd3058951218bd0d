import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@clipyard/contracts';

export interface ClientCtx {
  ip?: string;
  userAgent?: string;
}

/** The caller's IP (proxy-aware when TRUST_PROXY) and user agent, for audit events and rate limits. */
export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientCtx => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const ua = req.headers['user-agent'];
  return { ip: req.ip?.slice(0, 64), userAgent: typeof ua === 'string' ? ua.slice(0, 512) : undefined };
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A path id that is not a UUID cannot name anything: 404, the same answer as someone else's id. */
export function assertId(id: string, what: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `${what} not found`);
  return id.toLowerCase();
}
