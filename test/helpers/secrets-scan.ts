/**
 * Proves a secret never reached Redis: reads every key under a system's prefix (strings, hashes,
 * lists, sets, sorted sets, streams) and reports those whose content contains the needle.
 */
import IORedis from 'ioredis';

export async function redisKeysContaining(redisUrl: string, prefix: string, needle: string): Promise<{ scanned: number; hits: string[] }> {
  const r = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  const hits: string[] = [];
  let scanned = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        scanned++;
        const type = await r.type(key);
        let content: unknown;
        if (type === 'string') content = await r.getBuffer(key);
        else if (type === 'hash') content = await r.hgetall(key);
        else if (type === 'list') content = await r.lrange(key, 0, -1);
        else if (type === 'set') content = await r.smembers(key);
        else if (type === 'zset') content = await r.zrange(key, 0, -1);
        else if (type === 'stream') content = await r.xrange(key, '-', '+');
        const text = Buffer.isBuffer(content) ? content.toString('latin1') : JSON.stringify(content ?? '');
        if (text.includes(needle) || key.includes(needle)) hits.push(key);
      }
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return { scanned, hits };
}

/** Like redisKeysContaining for many needles at once: one pass over the prefix, each needle checked against every key. */
export async function redisKeysContainingAny(redisUrl: string, prefix: string, needles: string[]): Promise<{ scanned: number; hits: { key: string; needle: string }[] }> {
  const r = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  const hits: { key: string; needle: string }[] = [];
  let scanned = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        scanned++;
        const type = await r.type(key);
        let content: unknown;
        if (type === 'string') content = await r.getBuffer(key);
        else if (type === 'hash') content = await r.hgetall(key);
        else if (type === 'list') content = await r.lrange(key, 0, -1);
        else if (type === 'set') content = await r.smembers(key);
        else if (type === 'zset') content = await r.zrange(key, 0, -1);
        else if (type === 'stream') content = await r.xrange(key, '-', '+');
        const text = Buffer.isBuffer(content) ? content.toString('latin1') : JSON.stringify(content ?? '');
        for (const needle of needles) if (text.includes(needle) || key.includes(needle)) hits.push({ key, needle: needle.slice(0, 6) });
      }
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return { scanned, hits };
}
