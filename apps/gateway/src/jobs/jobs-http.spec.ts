import { canonicalJson } from '../idempotency/idempotency.service';
import { parseRange } from '../downloads/range';
import { etagMatches } from './job.presenter';
import { checkUrl } from '@clipyard/security';

const assertPublicUrl = (url: string, allowPrivate: boolean) => checkUrl(url, { allowPrivate }, { field: 'input.url' });

describe('jobs HTTP helpers', () => {
  it('fingerprints bodies independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(etagMatches('"x-1"', '"x-1"')).toBe(true);
    expect(etagMatches('"a", W/"x-1"', '"x-1"')).toBe(true);
    expect(etagMatches('*', '"x-1"')).toBe(true);
    expect(etagMatches('"x-2"', '"x-1"')).toBe(false);
    expect(etagMatches(undefined, '"x-1"')).toBe(false);
  });

  it('parses single byte ranges and ignores what it cannot serve as one', async () => {
    const size = async () => 1000;
    expect(await parseRange('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
    expect(await parseRange('bytes=500-', size)).toEqual({ start: 500, end: undefined });
    expect(await parseRange('bytes=-100', size)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=0-1,5-6', size)).toBeUndefined();
    expect(parseRange('items=0-1', size)).toBeUndefined();
    expect(parseRange(undefined, size)).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1/x',
    'http://10.1.2.3/x',
    'http://169.254.169.254/latest',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://localhost/x',
    'http://LOCALHOST./x',
    'http://a.localhost/x',
    'ftp://example.com/x',
    'http://user:pw@example.com/x',
    'http://2130706433/x',
  ])('refuses %s at submission', (url) => {
    expect(() => assertPublicUrl(url, false)).toThrow(expect.objectContaining({ code: 'URL_FORBIDDEN' }));
  });

  it('accepts public URLs, and private ones only when allowed for development', () => {
    expect(() => assertPublicUrl('https://example.com/clip.mp4', false)).not.toThrow();
    expect(() => assertPublicUrl('http://127.0.0.1:8080/clip.mp4', true)).not.toThrow();
    expect(() => assertPublicUrl('http://169.254.169.254/', true)).toThrow(expect.objectContaining({ code: 'URL_FORBIDDEN' }));
  });
});
