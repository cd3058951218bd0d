import type { IncomingMessage } from 'node:http';
import { RequestIds, requestIdFor } from './request-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage;

describe('request ids', () => {
  it('makes v4-shaped ids, none twice', () => {
    const ids = new RequestIds();
    const made = Array.from({ length: 5000 }, () => ids.make());
    for (const id of made) expect(id).toMatch(UUID_V4);
    expect(new Set(made).size).toBe(made.length);
  });

  it('gives two processes (generators) different ids', () => {
    const a = new RequestIds();
    const b = new RequestIds();
    const fromA = new Set(Array.from({ length: 100 }, () => a.make()));
    for (let i = 0; i < 100; i++) expect(fromA.has(b.make())).toBe(false);
  });

  it('draws a new prefix when the counter wraps', () => {
    const ids = new RequestIds();
    const first = ids.make();
    (ids as unknown as { next: number }).next = 2 ** 48 - 1;
    const last = ids.make();
    expect(last.slice(0, 24)).toBe(first.slice(0, 24));
    expect(last.slice(24)).toBe('ffffffffffff');
    const wrapped = ids.make();
    expect(wrapped).toMatch(UUID_V4);
    expect(wrapped.slice(0, 24)).not.toBe(first.slice(0, 24));
    expect(wrapped.slice(24)).toBe('000000000000');
  });

  it("keeps a caller's sane X-Request-Id and replaces anything else", () => {
    expect(requestIdFor(request({ 'x-request-id': 'trace-42' }))).toBe('trace-42');
    expect(requestIdFor(request({ 'x-request-id': 'bad id with spaces' }))).toMatch(UUID_V4);
    expect(requestIdFor(request())).toMatch(UUID_V4);
    expect(requestIdFor(request())).not.toBe(requestIdFor(request()));
  });
});
