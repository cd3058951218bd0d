import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Why a URL was refused; `code` is stable (UNSAFE_URL) so callers can map it to an error. */
export class UnsafeUrlError extends Error {
  readonly code = 'UNSAFE_URL';
  constructor(
    message: string,
    readonly reason: 'invalid' | 'scheme' | 'credentials' | 'private_address' | 'unresolvable',
  ) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

export interface UrlSafetyOptions {
  /** Accept plain http:// (otherwise https only). */
  allowHttp?: boolean;
  /** Accept loopback, private, link-local and other non-public addresses (tests, trusted LANs). */
  allowPrivate?: boolean;
  /** DNS resolver (tests pin it); defaults to the system resolver, all addresses. */
  resolve?: (host: string) => Promise<string[]>;
}

export interface SafeUrl {
  url: URL;
  /** The addresses the host resolved to and that were checked: connect to one of these to avoid DNS rebinding. */
  addresses: string[];
}

const defaultResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * True only for globally routable unicast addresses: refuses loopback, private (RFC 1918, ULA),
 * link-local (incl. cloud metadata 169.254.169.254), CGNAT, multicast, reserved, unspecified, and
 * IPv4-mapped/NAT64/6to4/Teredo forms of those.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else {
      const range = v6.range();
      // Embedded IPv4 forms would let a "public" v6 address reach a private v4 one.
      if (range === 'rfc6052' || range === '6to4' || range === 'teredo' || range === 'rfc6145') return false;
      return range === 'unicast';
    }
  }
  return ip.range() === 'unicast';
}

/**
 * Validates a URL that the server is about to call on someone's behalf (provider base URLs,
 * media source URLs, webhook endpoints): scheme (https, or http when allowed), no embedded
 * credentials, and every address the host resolves to must be public unless `allowPrivate`.
 * Throws UnsafeUrlError; returns the parsed URL and the checked addresses.
 */
export async function assertPublicUrl(raw: string, opts: UrlSafetyOptions = {}): Promise<SafeUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('not a valid absolute URL', 'invalid');
  }
  if (url.protocol !== 'https:' && !(opts.allowHttp && url.protocol === 'http:')) {
    throw new UnsafeUrlError(opts.allowHttp ? 'URL must use http or https' : 'URL must use https', 'scheme');
  }
  if (url.username || url.password) throw new UnsafeUrlError('URL must not embed credentials', 'credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new UnsafeUrlError('URL has no host', 'invalid');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? defaultResolve)(host);
    } catch {
      throw new UnsafeUrlError(`host ${host} does not resolve`, 'unresolvable');
    }
    if (!addresses.length) throw new UnsafeUrlError(`host ${host} does not resolve`, 'unresolvable');
  }
  if (!opts.allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a));
    if (bad !== undefined) throw new UnsafeUrlError(`host ${host} resolves to a non-public address`, 'private_address');
  }
  return { url, addresses };
}
