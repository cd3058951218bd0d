import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

export const STRIPE_WEBHOOK_PATH = 'v1/billing/stripe/webhook';
/** Where the untouched request body is kept, for the routes that need to verify a signature over it. */
export const RAW_BODY = Symbol.for('clipyard.rawBody');

/**
 * Keeps the exact bytes of the request body for the given routes only (Stripe signs the raw
 * body; re-serialised JSON would not verify). Other routes stream straight to the parser.
 */
export function keepRawBody(fastify: FastifyInstance, paths: string[]): void {
  const wanted = new Set(paths.map((p) => `/${p.replace(/^\//, '')}`));
  fastify.addHook('preParsing', async (req, _reply, payload) => {
    if (!wanted.has(req.routeOptions.url ?? '')) return payload;
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    (req as unknown as Record<symbol, Buffer>)[RAW_BODY] = raw;
    const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
    replay.receivedEncodedLength = raw.length;
    return replay;
  });
}
