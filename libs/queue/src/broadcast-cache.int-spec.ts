import { randomBytes } from 'node:crypto';
import { BroadcastCache } from './broadcast-cache';
import { createRedis } from './connection';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-bc-${randomBytes(3).toString('hex')}`;
const settings = { url, prefix };
const channel = `${prefix}:changed`;

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('BroadcastCache (real Redis)', () => {
  const pub = createRedis(settings);
  const open: BroadcastCache<unknown>[] = [];
  const make = async <V>(ttlMs = 60_000) => {
    const c = new BroadcastCache<V>(settings, { channel, ttlMs, maxEntries: 3 });
    open.push(c as BroadcastCache<unknown>);
    await c.start();
    return c;
  };
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await pub.quit();
  });

  it('serves from memory until any process announces a change, then reloads', async () => {
    const a = await make<string>();
    const b = await make<string>();
    let source = 'v1';
    let loads = 0;
    const load = async () => (loads++, source);
    expect(await a.through('k', load)).toBe('v1');
    expect(await b.through('k', load)).toBe('v1');
    source = 'v2';
    expect(await a.through('k', load)).toBe('v1');
    expect(loads).toBe(2);
    await a.announce('k', pub); // a forgets at once, b when the message arrives
    expect(await a.through('k', load)).toBe('v2');
    await until(() => b.get('k') === undefined);
    expect(await b.through('k', load)).toBe('v2');
  });

  it('does not keep a value whose load overlapped an announcement', async () => {
    const c = await make<string>();
    const generation = () => (c as unknown as { generation: number }).generation;
    let release!: () => void;
    const slow = c.through('race', () => new Promise<string>((r) => (release = () => r('stale'))));
    const before = generation();
    await pub.publish(channel, 'race');
    await until(() => generation() > before); // the announcement arrived while the load was running
    release();
    expect(await slow).toBe('stale');
    expect(c.get('race')).toBeUndefined();
  });

  it('keeps nothing with ttl 0, past the ttl, or beyond maxEntries (oldest out first)', async () => {
    const off = await make<number>(0);
    expect(off.active).toBe(false);
    await off.through('x', async () => 1);
    expect(off.get('x')).toBeUndefined();

    const short = await make<number>(30);
    await short.through('x', async () => 1);
    expect(short.get('x')).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(short.get('x')).toBeUndefined();

    const small = await make<number>();
    for (const k of ['a', 'b', 'c', 'd']) await small.through(k, async () => 1);
    expect(['a', 'b', 'c', 'd'].map((k) => small.get(k))).toEqual([undefined, 1, 1, 1]);
  });

  it('empties itself and stops keeping values when its connection drops, and resumes once resubscribed', async () => {
    const c = await make<string>();
    await c.through('k', async () => 'v');
    // kill this cache's own subscriber connection from the outside (found by its local port)
    const sub = (c as unknown as { sub: { stream: { localPort: number } } }).sub;
    await pub.client('KILL', 'ADDR', `127.0.0.1:${sub.stream.localPort}`);
    await until(() => !c.active || c.get('k') === undefined);
    expect(c.get('k')).toBeUndefined();
    await until(() => c.active);
    await c.through('k', async () => 'again');
    expect(c.get('k')).toBe('again');
    await pub.publish(channel, 'k'); // still subscribed after the reconnect
    await until(() => c.get('k') === undefined);
  });
});
