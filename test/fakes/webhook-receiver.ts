/**
 * A local webhook receiver on 127.0.0.1 that verifies deliveries the way a customer would: the
 * Standard Webhooks headers with the `standardwebhooks` npm package (`verifiedWith`), and the
 * deprecated `Clipyard-Signature` with an independent implementation of its documented scheme
 * (`legacyVerifiedWith`). It answers whatever status a test scripts (e.g. one 500, then 200s).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  /** Request path (endpoint vs callback URL). */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  /** Secrets (from `secrets`) that `standardwebhooks` verified the delivery with. */
  verifiedWith: string[];
  /** Secrets whose deprecated `Clipyard-Signature` v1 matched. */
  legacyVerifiedWith: string[];
  answered: number;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses to answer next, in order; 200 once empty. */
  script: number[];
  /** Secrets to verify with (set after creating the endpoint). */
  secrets: string[];
  close(): Promise<void>;
}

export function verify(header: string, body: string, secret: string, toleranceSeconds = 300): boolean {
  const fields = header.split(',').map((kv) => kv.split('='));
  const t = fields.find(([k]) => k === 't')?.[1];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > toleranceSeconds) return false;
  const want = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return fields.some(([k, v]) => k === 'v1' && v?.length === 64 && timingSafeEqual(Buffer.from(v, 'hex'), want));
}

/** What a receiver does with the `standardwebhooks` library (throws on a bad or stale signature). */
export function verifyStandard(headers: IncomingHttpHeaders, body: string, secret: string): boolean {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(headers['webhook-signature'] ?? ''),
    });
    return true;
  } catch {
    return false;
  }
}

export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const state = { received: [] as ReceivedWebhook[], script: [] as number[], secrets: [] as string[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const status = state.script.shift() ?? 200;
      const sig = String(req.headers['clipyard-signature'] ?? '');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      state.received.push({
        path: req.url ?? '',
        headers: req.headers,
        body,
        json,
        verifiedWith: state.secrets.filter((s) => verifyStandard(req.headers, body, s)),
        legacyVerifiedWith: state.secrets.filter((s) => verify(sig, body, s)),
        answered: status,
        at: Date.now(),
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  });
}
