import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@clipyard/contracts';
import { Public } from '@clipyard/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { WebAssets, type WebAsset } from './web-assets';

/**
 * The dashboard (apps/web, built to WEB_DIR): index.html for each of its pages (the app routes on
 * the client; keep this list in step with apps/web/src/app.tsx and the Ingress), and its files.
 * Public: the files hold no data; everything the pages show comes from /v1 with the user's
 * credentials. Any other path keeps the API's JSON 404.
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
  home(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('signin')
  signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('signin/forgot-password')
  forgotPassword(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('signin/email')
  signInByEmail(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  /** Where a social sign-in comes back to (`?code=` or `?error=`): the page exchanges the code. */
  @Get('signin/callback')
  signInCallback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  /** The pages emailed links open (ACCOUNT_LINK_PATHS); a GET only loads the page, the person's click POSTs the token. */
  @Get('account/verify-email')
  verifyEmail(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('account/reset-password')
  resetPassword(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('account/magic-link')
  magicLink(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('account/confirm-email')
  confirmEmail(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('signup')
  signUp(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('jobs')
  jobs(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('jobs/:id')
  job(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('keys')
  keys(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('provider-keys')
  providerKeys(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('webhooks')
  webhooks(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('usage')
  usage(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('account')
  account(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }
  @Get('admin')
  admin(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(req, reply);
  }

  /** Content-hashed build files (cached for a year) and the few fixed ones. */
  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.file(`assets/${file}`, req, reply);
  }
  @Get('favicon.svg')
  favicon(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.file('favicon.svg', req, reply);
  }

  private file(name: string, req: FastifyRequest, reply: FastifyReply) {
    const asset = this.assets.get(name);
    if (!asset) throw new AppError('ROUTE_NOT_FOUND', `Cannot GET /${name}`);
    return send(req, reply, asset);
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
