import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';
import { AppError } from '@clipyard/contracts';
import { envBool } from '@clipyard/config';

/**
 * The one policy for every URL the server calls on someone's behalf (media URL inputs, webhook
 * and callback URLs, provider base URLs): http(s) only, no credentials in the URL, every address
 * the host resolves to must be allowed, the socket connects to an address that was checked (no
 * second resolution a DNS rebinding could change), and every redirect hop is checked again.
 * A refusal is always `422 URL_FORBIDDEN`.
 */
export interface UrlPolicy {
  /**
   * The development switch (`ALLOW_PRIVATE_URLS`): allow loopback, RFC 1918, unique-local and
   * CGNAT addresses, `localhost`, and plain http for provider base URLs. Link-local (cloud
   * metadata), multicast, unspecified and reserved ranges stay forbidden.
   */
  allowPrivate: boolean;
}

export const URL_FORBIDDEN = 'URL_FORBIDDEN';
export type UrlRefusal = 'invalid' | 'scheme' | 'credentials' | 'private_address' | 'unresolvable';

/** `ALLOW_PRIVATE_URLS`, the one development switch of the URL policy (every app that calls out). */
export const urlPolicyConfigShape = { ALLOW_PRIVATE_URLS: envBool(false) };
export const urlPolicyOf = (config: { ALLOW_PRIVATE_URLS: boolean }): UrlPolicy => ({ allowPrivate: config.ALLOW_PRIVATE_URLS });

/** `field` names the input (e.g. `callback_url`) so the 422 points at it. */
export function urlForbidden(message: string, reason: UrlRefusal = 'private_address', field?: string): AppError {
  return new AppError(URL_FORBIDDEN, `URL is not allowed: ${message}`, {
    reason,
    ...(field ? { issues: [{ path: field, message: `URL is not allowed: ${message}` }] } : {}),
  });
}
export const urlFetchFailed = (reason: string) => new AppError('URL_FETCH_FAILED', `Could not fetch URL: ${reason}`);

/** Re-labels a refusal with the input field it came from (leaves other errors alone). */
export function forField(err: unknown, field: string): unknown {
  if (err instanceof AppError && err.code === URL_FORBIDDEN) {
    return new AppError(URL_FORBIDDEN, err.message, { ...err.details, issues: [{ path: field, message: err.message }] });
  }
  return err;
}

/** Ranges refused even when private addresses are allowed. */
const ALWAYS_FORBIDDEN = new Set(['unspecified', 'broadcast', 'multicast', 'linkLocal', 'reserved', 'discard', 'benchmarking', 'amt', 'as112', 'as112v6', 'orchid2', 'droneRemoteIdProtocolEntityTags', 'deprecated']);
/** Ranges allowed only with `allowPrivate`. */
const PRIVATE = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);
/** Metadata endpoints, named so they can never slip through a range table change. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const v4 = (bytes: number[]) => new ipaddr.IPv4(bytes);

/**
 * The IPv4 address an IPv6 address carries and that a packet to it may reach: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), SIIT (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96
 * and the local-use 64:ff9b:1::/48) and 6to4 (2002:AABB:CCDD::/48). Null when there is none.
 */
export function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = ip.toByteArray();
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const range = ip.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return v4(b.slice(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b[4] === 0x00 && b[5] === 0x01) return v4(b.slice(12));
  if (range === '6to4') return v4(b.slice(2, 6));
  // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks); :: and ::1 are not.
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return v4(b.slice(12));
  return null;
}

/** Why an address is refused under `policy`, or null when it may be contacted. */
export function forbiddenReason(address: string, policy: UrlPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    // Judged as the IPv4 address it carries: ::7f00:1 is 127.0.0.1.
    const inner = embeddedIPv4(ip as ipaddr.IPv6);
    if (inner) {
      const why = forbiddenReason(inner.toString(), policy);
      return why && `${why} (embedded in ${address})`;
    }
  }
  const normal = ip.toNormalizedString();
  if (METADATA.has(ip.toString()) || METADATA.has(normal)) return 'metadata address';
  const range = ip.range();
  if (range === 'unicast') return null;
  if (PRIVATE.has(range)) return policy.allowPrivate ? null : `${range} address`;
  if (ALWAYS_FORBIDDEN.has(range)) return `${range} address`;
  // Teredo and anything else that can tunnel to an inner address we cannot see.
  return `${range} address`;
}

export function assertAddressAllowed(address: string, policy: UrlPolicy): void {
  const reason = forbiddenReason(address, policy);
  if (reason) throw urlForbidden(reason);
}

export interface CheckUrlOptions {
  /** Refuse plain http unless the development switch is on (URLs that carry an API key). */
  httpsOnly?: boolean;
  /** Names the input in the 422 (`input.url`, `callback_url`, `base_url`…). */
  field?: string;
}

/**
 * Parses and checks a URL without the network: scheme, credentials, literal addresses, numeric
 * host tricks and `localhost` names. Named hosts are checked again at connect time.
 */
export function checkUrl(raw: string | URL, policy: UrlPolicy, opts: CheckUrlOptions = {}): URL {
  const refuse = (msg: string, reason: UrlRefusal) => urlForbidden(msg, reason, opts.field);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a valid absolute URL', 'invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(`scheme ${url.protocol} is not http(s)`, 'scheme');
  if (opts.httpsOnly && url.protocol !== 'https:' && !policy.allowPrivate) throw refuse('this URL must use https', 'scheme');
  if (url.username || url.password) throw refuse('credentials in URLs are not allowed', 'credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (!host) throw refuse('no host', 'invalid');
  if (net.isIP(host)) {
    const why = forbiddenReason(host, policy);
    if (why) throw refuse(why, 'private_address');
  } else if (/^[0-9.]+$/.test(host) || /^0x/i.test(host)) {
    throw refuse('numeric host that is not a valid IP address', 'invalid');
  } else if (!policy.allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) {
    throw refuse('localhost', 'private_address');
  }
  return url;
}

export type Resolver = (host: string) => Promise<string[]>;
const systemResolve: Resolver = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * `checkUrl`, then resolves the host and refuses it if ANY of its addresses is forbidden
 * (a name with one public and one private answer is refused). Used where a URL is stored for
 * later (webhook and callback URLs, provider base URLs); the call itself is pinned again.
 */
export async function resolveUrl(
  raw: string,
  policy: UrlPolicy,
  opts: CheckUrlOptions & { resolve?: Resolver } = {},
): Promise<{ url: URL; addresses: string[] }> {
  const url = checkUrl(raw, policy, opts);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) return { url, addresses: [host] };
  let addresses: string[];
  try {
    addresses = await (opts.resolve ?? systemResolve)(host);
  } catch {
    addresses = [];
  }
  if (!addresses.length) throw urlForbidden(`${host} does not resolve`, 'unresolvable', opts.field);
  for (const a of addresses) {
    const why = forbiddenReason(a, policy);
    if (why) throw urlForbidden(`${host} resolves to a forbidden address (${why})`, 'private_address', opts.field);
  }
  return { url, addresses };
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A socket `lookup`: resolves all addresses, refuses if ANY is forbidden, hands out only checked ones. */
export function checkedLookup(policy: UrlPolicy, resolve: typeof dns.promises.lookup = dns.promises.lookup): net.LookupFunction {
  const fn = (hostname: string, options: dns.LookupOptions | number | LookupCb, cb?: LookupCb): void => {
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
  return fn as unknown as net.LookupFunction;
}

/**
 * Runs `fn` with an undici dispatcher (for `fetch(url, { dispatcher })`) whose sockets can only
 * connect to the addresses of `url` that were resolved and checked here: no second resolution
 * a DNS rebinding could change. Refusals are `URL_FORBIDDEN` before anything is sent. Read the
 * body inside `fn`: the dispatcher is closed when it returns. Call with `redirect: 'error'`.
 */
export async function withPinnedDispatcher<T>(
  url: string,
  policy: UrlPolicy,
  fn: (dispatcher: Agent) => Promise<T>,
  opts: CheckUrlOptions & { resolve?: Resolver } = {},
): Promise<T> {
  const { addresses } = await resolveUrl(url, policy, opts);
  const pinned = addresses.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
  const lookup = (_host: string, o: dns.LookupOptions | LookupCb, cb?: LookupCb) => {
    const callback = (typeof o === 'function' ? o : cb) as LookupCb;
    const want = typeof o === 'object' && o.family ? pinned.filter((a) => a.family === o.family) : pinned;
    const usable = want.length ? want : pinned;
    if (typeof o === 'object' && o.all) callback(null, usable);
    else callback(null, usable[0].address, usable[0].family);
  };
  const agent = new Agent({ connect: { lookup: lookup as unknown as net.LookupFunction } });
  try {
    return await fn(agent);
  } finally {
    void agent.close().catch(() => undefined);
  }
}
