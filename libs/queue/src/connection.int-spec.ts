import { randomBytes } from 'node:crypto';
import { createRedis, createSubscriber, subscribe } from './connection';

describe('createRedis + subscribe (real Redis)', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `${process.env.REDIS_PREFIX ?? 'cyt'}-conn-${randomBytes(3).toString('hex')}`;

  // redis/ioredis#2037: a SUBSCRIBE sent while the connection is still handshaking used to fail the
  // ready check and drop the subscription without a word. Every subscriber here must hear the publish.
  it('subscribe() keeps a subscription asked for while the connection is still handshaking', async () => {
    const channel = `${prefix}:ch`;
    const subs = Array.from({ length: 40 }, () => createSubscriber({ url, prefix }));
    const errors: unknown[] = [];
    const heard = subs.map(
      (s) =>
        new Promise<string>((resolve) => {
          s.on('error', (e) => errors.push(e));
          s.on('message', (_c: string, m: string) => resolve(m));
        }),
    );
    // subscribe in the window between the TCP connect and the ready check
    await Promise.all(subs.map((s) => new Promise((resolve, reject) => s.once('connect', () => subscribe(s, channel).then(resolve, reject)))));
    const pub = createRedis({ url, prefix });
    try {
      expect(await pub.publish(channel, 'hello')).toBe(subs.length);
      expect(await Promise.all(heard)).toEqual(subs.map(() => 'hello'));
      expect(errors).toEqual([]);
    } finally {
      await Promise.allSettled([pub.quit(), ...subs.map((s) => s.quit())]);
    }
  });
});
