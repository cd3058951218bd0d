import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

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

