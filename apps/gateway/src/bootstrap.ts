import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { DestinationStream } from 'pino';
import { createHttpApp } from '@clipyard/observability';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { mountGatewayQueueBoard } from './admin/queue-board';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logDestination?: DestinationStream;
}

/** Builds the public gateway: security headers, CORS, validation, OpenAPI at /docs. */
export async function createGatewayApp(
  opts: BootOptions = {},
): Promise<{ app: NestFastifyApplication; config: GatewayConfig }> {
  const config = loadGatewayConfig(opts.env);
  const app = await createHttpApp(GatewayAppModule.forRoot(config, opts.logDestination), {
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    maxParamLength: 2048,
  });
  // Security headers from helmet, built once: @fastify/helmet rebuilds helmet's middleware on every
  // request, which was ~7 % of the gateway's CPU on the polling path. The dashboard and the API get a
  // strict policy (no inline script or style); only the Swagger UI and Bull Board pages need inline.
  const strictHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const toolHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const TOOL_PAGES = /^\/(docs|admin\/queues)(\/|\?|$)/;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) =>
      (TOOL_PAGES.test(req.url) ? toolHeaders : strictHeaders)(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
    );
  // Uploads stream through req.file(); the per-plan limit is enforced while streaming.
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 10, parts: 11 } });
  app.enableCors({
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: false,
    exposedHeaders: ['X-Request-Id', 'ETag', 'Location', 'Retry-After'],
  });
  await mountGatewayQueueBoard(app); // Bull Board at /admin/queues, admins only
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clipyard API')
      .setDescription('Trim, overlay and transcribe media; poll jobs; meter usage.')
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addOAuth2({ type: 'oauth2', flows: { password: { tokenUrl: '/v1/auth/token', scopes: {} } } }, 'oauth2')
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(doc), { jsonDocumentUrl: 'docs/json' });
  return { app, config };
}
