import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { forbiddenReason } from './ssrf';

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
  /** Accept loopback, private (RFC 1918, ULA) and CGNAT addresses (tests, trusted LANs); never link-local/metadata. */
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
 * True only for globally routable unicast addresses (the range table of `forbiddenReason` in
 * ./ssrf: refuses loopback, private, link-local/metadata, CGNAT, multicast, reserved,
 * unspecified and tunnelling forms such as NAT64/6to4/Teredo and IPv4-mapped private addresses).
 */
export function isPublicAddress(address: string): boolean {
  return forbiddenReason(address, { allowPrivate: false }) === null;
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
  // Link-local / metadata and reserved ranges stay refused even with allowPrivate.
  const bad = addresses.find((a) => forbiddenReason(a, { allowPrivate: !!opts.allowPrivate }) !== null);
  if (bad !== undefined) throw new UnsafeUrlError(`host ${host} resolves to a non-public address`, 'private_address');
  return { url, addresses };
}
