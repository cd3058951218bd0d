import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { AppError } from '@clipyard/contracts';

/**
 * Outbound HTTP to user-supplied URLs (media inputs, webhooks) without SSRF: http(s) only, every
 * address a name resolves to (IPv4 and IPv6) is checked, the socket connects to the address that
 * was checked (custom `lookup`, so no second resolution can be rebound), and every redirect hop is
 * checked again.
 */
export interface UrlPolicy {
  /**
   * Allow loopback, RFC 1918, unique-local and CGNAT addresses (local development and tests only).
   * Link-local (cloud metadata), multicast, unspecified and reserved ranges stay forbidden.
   */
  allowPrivate: boolean;
}

/** Ranges refused even when private addresses are allowed. */
const ALWAYS_FORBIDDEN = new Set(['unspecified', 'broadcast', 'multicast', 'linkLocal', 'reserved', 'discard', 'benchmarking', 'amt', 'as112', 'as112v6', 'orchid2', 'droneRemoteIdProtocolEntityTags', 'deprecated']);
/** Ranges allowed only with `allowPrivate`. */
const PRIVATE = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);
/** Metadata endpoints, named so they can never slip through a range table change. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

export const urlForbidden = (reason: string) => new AppError('URL_FORBIDDEN', `URL is not allowed: ${reason}`);
export const urlFetchFailed = (reason: string) => new AppError('URL_FETCH_FAILED', `Could not fetch URL: ${reason}`);

/** Why an address is refused under `policy`, or null when it may be contacted. */
export function forbiddenReason(address: string, policy: UrlPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  // ::ffff:a.b.c.d and friends are judged as the IPv4 address they carry.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normal = ip.toNormalizedString();
  if (METADATA.has(ip.toString()) || METADATA.has(normal)) return 'metadata address';
  const range = ip.range();
  if (range === 'unicast') return null;
  if (PRIVATE.has(range)) return policy.allowPrivate ? null : `${range} address`;
  if (ALWAYS_FORBIDDEN.has(range)) return `${range} address`;
  // 6to4, Teredo, NAT64 (rfc6052/rfc6145) and anything unknown can tunnel to an inner address.
  return `${range} address`;
}

export function assertAddressAllowed(address: string, policy: UrlPolicy): void {
  const reason = forbiddenReason(address, policy);
  if (reason) throw urlForbidden(reason);
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for sockets: resolves all addresses, refuses if ANY is forbidden, returns only checked ones. */
export function checkedLookup(policy: UrlPolicy, resolve: typeof dns.promises.lookup = dns.promises.lookup) {
  return (hostname: string, options: dns.LookupOptions | number | LookupCb, cb?: LookupCb): void => {
    const callback = (typeof options === 'function' ? options : cb) as LookupCb;
    const opts = typeof options === 'object' ? options : {};
    resolve(hostname, { all: true, verbatim: true })
      .then((addrs) => {
        if (!addrs.length) throw urlFetchFailed(`${hostname} does not resolve`);
        for (const a of addrs) assertAddressAllowed(a.address, policy);
        const usable = opts.family ? addrs.filter((a) => a.family === opts.family) : addrs;
        if (!usable.length) throw urlFetchFailed(`${hostname} has no address of the requested family`);
        if (opts.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      })
      .catch((err: unknown) => callback(err as NodeJS.ErrnoException, ''));
  };
}

/** Parses and checks a URL's scheme, credentials and (if literal) address. Names are checked at connect time. */
export function checkUrl(raw: string | URL, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlForbidden('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw urlForbidden(`scheme ${url.protocol} is not http(s)`);
  if (url.username || url.password) throw urlForbidden('credentials in URLs are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw urlForbidden('no host');
  if (net.isIP(host)) assertAddressAllowed(host, policy);
  else if (/^[0-9.]+$/.test(host) || /^0x/i.test(host)) throw urlForbidden('numeric host that is not a valid IP address');
  return url;
}

export interface SafeRequestOptions {
  policy: UrlPolicy;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Largest response body; past it the body stream errors with INPUT_TOO_LARGE. */
  maxBytes?: number;
  /** Whole request (all hops, headers and body) must finish within this. */
  timeoutMs?: number;
  /** 0 = do not follow. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The final URL after redirects. */
  url: string;
  body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One checked HTTP(S) request, following checked redirects. The body is size-limited; consume or destroy it. */
export async function safeRequest(rawUrl: string, opts: SafeRequestOptions): Promise<SafeResponse> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const maxRedirects = opts.maxRedirects ?? 5;
  let url = checkUrl(rawUrl, opts.policy);
  let method = opts.method ?? 'GET';
  let body = opts.body;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, method, opts, body, signal);
    if (!REDIRECTS.has(res.statusCode ?? 0) || maxRedirects === 0) {
      const declared = Number(res.headers['content-length']);
      if (opts.maxBytes !== undefined && Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        throw new AppError('INPUT_TOO_LARGE', `URL body is larger than the limit of ${opts.maxBytes} bytes`, { maxBytes: opts.maxBytes });
      }
      const limited = res.pipe(new ResponseLimit(opts.maxBytes));
      res.on('error', (err) => limited.destroy(err));
      signal.addEventListener('abort', () => limited.destroy(abortError(signal, timeout)), { once: true });
      return { status: res.statusCode ?? 0, headers: res.headers, url: url.toString(), body: limited };
    }
    res.resume();
    if (hop >= maxRedirects) throw urlFetchFailed(`more than ${maxRedirects} redirects`);
    const location = res.headers.location;
    if (!location) throw urlFetchFailed('redirect without a Location');
    url = checkUrl(new URL(location, url), opts.policy);
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

function abortError(signal: AbortSignal, timeout: AbortSignal): Error {
  return timeout.aborted ? urlFetchFailed('timed out') : (signal.reason as Error) ?? urlFetchFailed('aborted');
}

function requestOnce(
  url: URL,
  method: string,
  opts: SafeRequestOptions,
  body: string | Buffer | undefined,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method,
      headers: { 'user-agent': 'Clipyard/1.0', ...opts.headers },
      lookup: checkedLookup(opts.policy) as unknown as net.LookupFunction,
      // A fresh connection per request: a pooled socket could belong to another (unchecked) host.
      agent: false,
      signal,
    });
    req.on('response', resolve);
    req.on('error', (err: Error) => {
      if (err instanceof AppError) return reject(err);
      if (signal.aborted) return reject(urlFetchFailed(signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'timed out' : 'aborted'));
      reject(urlFetchFailed((err as NodeJS.ErrnoException).code ?? err.message));
    });
    req.end(body);
  });
}

class ResponseLimit extends Transform {
  private bytes = 0;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      return cb(new AppError('INPUT_TOO_LARGE', `URL body is larger than the limit of ${this.maxBytes} bytes`, { maxBytes: this.maxBytes }));
    }
    cb(null, chunk);
  }
}
