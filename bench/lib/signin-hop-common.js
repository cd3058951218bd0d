'use strict';
/**
 * What the hop floor's two processes (signin-hop-gateway.js, signin-hop-worker.js) share: the RPC
 * seal (the apps' own Sealer, AES-256-GCM), their Redis names under a
 * prefix of their own (HOP_PREFIX: the queue `<prefix>:bull:rpc-auth`, reply channels
 * `<prefix>:rpc-reply:<client>`, limiter keys `<prefix>:rl:…`) and the RPC job options.
 */
const path = require('node:path');

/** The apps' own RPC seal (libs/queue/src/seal.ts, compiled: node's crypto only, nothing of Nest). */
const { Sealer } = require(path.join(__dirname, '../../dist/libs/queue/src/seal.js'));
const sealer = (secret) => new Sealer(secret);

const prefix = process.env.HOP_PREFIX;
const names = {
  queue: 'rpc-auth',
  bullPrefix: `${prefix}:bull`,
  replyChannel: (clientId) => `${prefix}:rpc-reply:${clientId}`,
  limiter: (name) => `${prefix}:rl:${name}`,
};

/** As RPC_JOB_OPTIONS in libs/queue/src/policy.ts: never retried, never retained. */
const RPC_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Every key under the hop's prefix, deleted (SCAN + UNLINK) once its processes are done. */
async function dropKeys(redis) {
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = nextCursor;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

module.exports = { sealer, names, RPC_JOB_OPTIONS, dropKeys };
