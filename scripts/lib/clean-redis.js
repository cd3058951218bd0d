'use strict';
/**
 * Deletes the run's keys. On a Redis Cluster (REDIS_CLUSTER_NODES) a SCAN sees one node only, so
 * every master is scanned, and keys are unlinked one per command (they sit in different slots).
 */
async function cleanRedis(url, prefix, clusterNodes) {
  const IORedis = require('ioredis');
  const nodes = (clusterNodes || '').split(',').map((s) => s.trim()).filter(Boolean);
  const u = new URL(url);
  const auth = { ...(u.password ? { password: decodeURIComponent(u.password) } : {}), ...(u.username ? { username: decodeURIComponent(u.username) } : {}) };
  const r = nodes.length
    ? new IORedis.Cluster(
        nodes.map((n) => ({ host: n.slice(0, n.lastIndexOf(':')).replace(/^\[|\]$/g, ''), port: Number(n.slice(n.lastIndexOf(':') + 1)) })),
        { redisOptions: { ...auth, maxRetriesPerRequest: 1, ...(u.protocol === 'rediss:' ? { tls: {} } : {}) } },
      )
    : new IORedis(url, { maxRetriesPerRequest: 1 });
  if (nodes.length) await new Promise((resolve, reject) => r.once('ready', resolve).once('error', reject));
  let n = 0;
  for (const node of nodes.length ? r.nodes('master') : [r]) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (!keys.length) continue;
      if (!nodes.length) n += await r.unlink(...keys);
      else for (const [err, removed] of await node.pipeline(keys.map((k) => ['unlink', k])).exec()) if (!err) n += removed;
    } while (cursor !== '0');
  }
  await r.quit();
  return n;
}

module.exports = { cleanRedis };
