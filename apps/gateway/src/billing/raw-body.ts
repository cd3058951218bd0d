import { Readable } from 'node:stream';
import type { FastifyInstance, preParsingHookHandler } from 'fastify';
import { addRouteHook } from '../http/route-hooks';

export const STRIPE_WEBHOOK_PATH = 'v1/billing/stripe/webhook';
/** Where the untouched request body is kept, for the routes that need to verify a signature over it. */
export const RAW_BODY = Symbol.for('clipyard.rawBody');

/**
 * Keeps the exact bytes of the request body for the given routes only (Stripe signs the raw
 * body; re-serialised JSON would not verify). Other routes stream straight to the parser.
 *
 * A hook of those routes alone (addRouteHook): call this before the app's routes are registered.
 */
export function keepRawBody(fastify: FastifyInstance, paths: string[]): void {
  const wanted = new Set(paths.map((p) => `/${p.replace(/^\//, '')}`));
  addRouteHook(fastify, 'preParsing', rawBodyHook, (route) => wanted.has(route.url));
}

/** Reads the whole body, keeps it on the request (RAW_BODY) and hands the parser a replay of it. */
const rawBodyHook: preParsingHookHandler = (req, _reply, payload, done) => {
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
};
