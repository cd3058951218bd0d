/**
 * A local stand-in for Stripe's API on 127.0.0.1 (random port), for the official `stripe` client
 * pointed at it with its host/port/protocol options. It answers the few endpoints Clipyard calls
 * the way Stripe does (form-encoded requests, JSON objects, Stripe's error envelope) and checks
 * what it is sent: the secret key, the form encoding, an idempotency key on every POST, and the
 * required parameters of each call. Everything received is kept in `requests` for assertions.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeRequest {
  method: string;
  path: string;
  /** The form body decoded (Stripe's bracket notation kept as flat keys, e.g. `line_items[0][price]`). */
  form: Record<string, string>;
  headers: IncomingMessage['headers'];
}

export interface StripeStandIn {
  host: string;
  port: number;
  secretKey: string;
  requests: StripeRequest[];
  customers: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export async function startStripeStandIn(secretKey = `sk_test_${randomBytes(12).toString('hex')}`): Promise<StripeStandIn> {
  const requests: StripeRequest[] = [];
  const customers = new Map<string, Record<string, unknown>>();

  const fail = (res: ServerResponse, status: number, type: string, message: string, param?: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify({ error: { type, message, ...(param ? { param } : {}) } }));
  };
  const ok = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': id('req') });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const form = Object.fromEntries(new URLSearchParams(raw));
      requests.push({ method: req.method ?? 'GET', path, form, headers: req.headers });
      if (req.headers.authorization !== `Bearer ${secretKey}`) return fail(res, 401, 'invalid_request_error', 'Invalid API Key provided');
      if (req.method === 'POST') {
        if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          return fail(res, 400, 'invalid_request_error', 'Requests must be form-encoded');
        }
        if (!req.headers['idempotency-key']) return fail(res, 400, 'invalid_request_error', 'Expected an Idempotency-Key on POST');
      }
      const need = (...keys: string[]) => {
        const missing = keys.find((k) => !form[k]);
        if (missing) fail(res, 400, 'invalid_request_error', `Missing required param: ${missing}.`, missing);
        return !missing;
      };
      if (req.method === 'POST' && path === '/v1/customers') {
        const customer = { id: id('cus'), object: 'customer', email: form.email ?? null, metadata: metadataOf(form), livemode: false };
        customers.set(customer.id, customer);
        return ok(res, customer);
      }
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        if (!need('mode', 'success_url', 'cancel_url', 'line_items[0][price]', 'line_items[0][quantity]', 'customer')) return;
        if (!customers.has(form.customer)) return fail(res, 400, 'invalid_request_error', `No such customer: '${form.customer}'`, 'customer');
        const sid = id('cs_test');
        return ok(res, {
          id: sid,
          object: 'checkout.session',
          mode: form.mode,
          customer: form.customer,
          client_reference_id: form.client_reference_id ?? null,
          success_url: form.success_url,
          cancel_url: form.cancel_url,
          url: `https://checkout.stripe.com/c/pay/${sid}`,
          status: 'open',
        });
      }
      if (req.method === 'POST' && path === '/v1/billing_portal/sessions') {
        if (!need('customer', 'return_url')) return;
        if (!customers.has(form.customer)) return fail(res, 400, 'invalid_request_error', `No such customer: '${form.customer}'`, 'customer');
        const pid = id('bps');
        return ok(res, { id: pid, object: 'billing_portal.session', customer: form.customer, return_url: form.return_url, url: `https://billing.stripe.com/p/session/${pid}` });
      }
      return fail(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    secretKey,
    requests,
    customers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith('metadata['))
      .map(([k, v]) => [k.slice('metadata['.length, -1), v]),
  );
}
