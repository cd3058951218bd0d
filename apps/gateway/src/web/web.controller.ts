import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { WebAssets, type WebAsset } from './web-assets';

/** Paths that belong to the API and tools: never answered with the dashboard's index.html. */
const RESERVED = /^\/(v1|docs|admin\/queues|health|metrics)(\/|$)/;

/**
 * The dashboard (apps/web, built to WEB_DIR) at `/`: its files by name, and index.html for any
 * other page a browser navigates to (the app routes on the client). Public: the files hold no data;
 * everything the pages show comes from /v1 with the user's credentials.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebController {
  private readonly assets: WebAssets;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.assets = WebAssets.load(config.WEB_DIR);
  }

  @Get()
  index(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }

  @Get('*')
  file(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const path = req.url.split('?')[0];
    const asset = this.assets.get(decodeURIComponentSafe(path.slice(1)));
    if (asset && asset.type !== 'text/html; charset=utf-8') return send(req, reply, asset);
    const wantsPage = /\btext\/html\b/.test(String(req.headers.accept ?? ''));
    if (RESERVED.test(path) || path.startsWith('/assets/') || !wantsPage) {
      throw new AppError('ROUTE_NOT_FOUND', `Cannot GET ${path}`);
    }
    return this.page(req, reply);
  }

  private page(req: FastifyRequest, reply: FastifyReply) {
    const index = this.assets.get('index.html');
    if (!index) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built: run `npm run build` (the API is under /v1, its docs under /docs).');
    }
    return send(req, reply, index);
  }
}

function send(req: FastifyRequest, reply: FastifyReply, asset: WebAsset) {
  reply.header('content-type', asset.type);
  reply.header('etag', asset.etag);
  reply.header('vary', 'accept-encoding');
  reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  if (asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    reply.header('content-encoding', 'gzip');
    return reply.send(asset.gzip);
  }
  return reply.send(asset.body);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
