import ipaddr from 'ipaddr.js';
import { AppError } from '@clipyard/contracts';

/**
 * First line of SSRF defence at submission: refuses non-http(s) URLs and hosts that are literal
 * loopback, private, link-local, metadata or otherwise reserved addresses (and `localhost`).
 * Host names are resolved and re-checked by the worker at fetch time, after every redirect.
 */
export function assertPublicUrl(raw: string, allowPrivate: boolean): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw forbidden('input.url is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw forbidden('only http and https URLs are allowed');
  if (url.username || url.password) throw forbidden('URLs with credentials are not allowed');
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) throw forbidden('the URL points at a private address');
  if (!ipaddr.isValid(host)) return;
  let addr = ipaddr.parse(host);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.range() !== 'unicast') throw forbidden('the URL points at a private or reserved address');
}

const forbidden = (message: string) =>
  new AppError('URL_FORBIDDEN', message, { issues: [{ path: 'input.url', message }] });
