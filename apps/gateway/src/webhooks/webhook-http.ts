import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { assertPublicUrl, isPublicAddress, UnsafeUrlError } from '@clipyard/security';

export interface WebhookPostOptions {
  timeoutMs: number;
  /** Deliver to loopback/private addresses (local development and tests only). */
  allowPrivate: boolean;
}

export interface WebhookPostResult {
  status: number;
  /** The first bytes of the receiver's answer, for the delivery log. */
  body: string;
}

/**
 * Re-checks every address at connect time, so a host name that resolved to a public address
 * when the URL was checked cannot be rebound to a private one for the actual connection.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (bad || !list.length) {
        return callback(new UnsafeUrlError(`host ${hostname} resolves to a non-public address`, 'private_address'), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * POSTs one webhook body. http and https are both allowed (like media URLs), redirects are not
 * followed (a 3xx is a failed attempt), and the destination must be public unless allowed.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: WebhookPostOptions,
): Promise<WebhookPostResult> {
  const { url: target } = await assertPublicUrl(url, { allowHttp: true, allowPrivate: opts.allowPrivate });
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookPostResult>((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(opts.allowPrivate),
        timeout: opts.timeoutMs,
      },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 1024) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.slice(0, 1024) }));
        res.on('error', reject);
      },
    );
    // the whole exchange, not just idle time, is bounded
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
