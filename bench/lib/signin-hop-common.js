'use strict';
/**
 * What the hop floor's two processes (signin-hop-gateway.js, signin-hop-worker.js) share: the RPC
 * seal, as libs/queue/src/seal.ts does it with node's crypto (AES-256-GCM, a key derived from the
 * shared secret, IVs drawn 256 at a time, `iv ‖ tag ‖ body` in base64), their Redis names under a
 * prefix of their own (HOP_PREFIX: the queue `<prefix>:bull:rpc-auth`, reply channels
 * `<prefix>:rpc-reply:<client>`, limiter keys `<prefix>:rl:…`) and the RPC job options.
 */
const { createCipheriv, createDecipheriv, createHash, createSecretKey, randomFillSync } = require('node:crypto');

const IVS_PER_DRAW = 256;

function sealer(secret) {
  const key = createSecretKey(createHash('sha256').update(`clipyard-rpc:${secret}`).digest());
  const ivs = Buffer.allocUnsafe(12 * IVS_PER_DRAW);
  let next = IVS_PER_DRAW;
  const iv = () => {
    if (next === IVS_PER_DRAW) {
      randomFillSync(ivs);
      next = 0;
    }
    const at = 12 * next++;
    return ivs.subarray(at, at + 12);
  };
  return {
    seal(value) {
      const nonce = iv();
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
    },
  };
}

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
