import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const VALID = /^[A-Za-z0-9._:-]{1,128}$/;
/** 2^48: the counter fills the UUID's last group (12 hex digits). */
const COUNTER_SPAN = 2 ** 48;

/**
 * Request ids shaped like a v4 UUID: a random prefix drawn once (the first four groups, 74 random
 * bits, version and variant as a v4 UUID has them), then a counter in the last group. Ids only
 * correlate a response with its log lines and error body (a caller may send its own
 * `X-Request-Id`, so nothing may treat them as secret), so they need to be unique, not
 * unguessable: unique within the process by the counter, across processes and restarts by the
 * prefix. A new prefix is drawn when the counter wraps. Cheaper than a randomUUID per request.
 */
export class RequestIds {
  private prefix = '';
  private next = COUNTER_SPAN;

  make(): string {
    if (this.next >= COUNTER_SPAN) {
      this.prefix = randomUUID().slice(0, 24);
      this.next = 0;
    }
    const n = (this.next++).toString(16);
    return this.prefix + '000000000000'.slice(n.length) + n;
  }
}

const ids = new RequestIds();

/** Accepts the caller's `X-Request-Id` when it is a sane token, else makes one (Fastify's `req.id`). */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && VALID.test(given) ? given : ids.make();
}
