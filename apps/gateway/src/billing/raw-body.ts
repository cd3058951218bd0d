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
  // A callback hook: it runs for every request, and all but the wanted routes pass at once (an
  // async hook would cost a promise per request).
  fastify.addHook('preParsing', (req, _reply, payload, done) => {
    if (!wanted.has(req.routeOptions.url ?? '')) return done(null, payload);
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of payload) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      (req as unknown as Record<symbol, Buffer>)[RAW_BODY] = raw;
      const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
      replay.receivedEncodedLength = raw.length;
      return replay;
    })().then(
      (replay) => done(null, replay),
      (err: Error) => done(err),
    );
  });
}
