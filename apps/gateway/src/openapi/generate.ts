import { spawnSync } from 'node:child_process';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { GatewayAppModule } from '../app.module';
import { loadGatewayConfig } from '../config';
import { buildOpenApiDocument } from './openapi.document';

/** Files of libs/client that are generated (path relative to libs/client → content). */
export type ClientFiles = Record<'openapi.json' | 'src/schema.ts', string>;

const HEADER = '// Generated from the gateway\'s OpenAPI description by `npm run openapi`. Do not edit.\n';

/**
 * The gateway's OpenAPI document without connecting to anything: Nest's preview mode builds the
 * module graph (routes and their metadata) without instantiating a provider.
 */
export async function generateOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadGatewayConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error' });
  const app = await NestFactory.create(GatewayAppModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app) as unknown as Record<string, unknown>;
  } finally {
    await app.close().catch(() => undefined);
  }
}

/** The document and the openapi-typescript types generated from it, as committed in libs/client. */
export async function generateClientFiles(): Promise<ClientFiles> {
  const doc = await generateOpenApiDocument();
  const types = await openapiTypes(doc);
  return {
    'openapi.json': JSON.stringify(doc, null, 2) + '\n',
    'src/schema.ts': HEADER + types,
  };
}

/**
 * openapi-typescript in a child Node: its CommonJS build loads ES modules, which Node does but
 * jest's module runtime does not.
 */
async function openapiTypes(doc: Record<string, unknown>): Promise<string> {
  const script = `
    const { default: openapiTS, astToString } = require('openapi-typescript');
    let input = '';
    process.stdin.on('data', (d) => (input += d)).on('end', async () => {
      process.stdout.write(astToString(await openapiTS(JSON.parse(input), { alphabetize: true })));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(doc), encoding: 'utf8', maxBuffer: 64 << 20, cwd: __dirname });
  if (r.status !== 0) throw new Error(`openapi-typescript failed: ${r.stderr}`);
  return r.stdout;
}
