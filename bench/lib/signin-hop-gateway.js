'use strict';
/**
 * The hop floor's gateway (bench/deployed.bench.ts): a bare Fastify process at normal priority, no
 * Nest, doing what the deployed gateway must do for a sign-in in the mandated shape — `POST /login`
 * with the storm's JSON body, the request sealed (signin-hop-common.js, as libs/queue's Sealer) and
 * added to the auth RPC queue with a raw bullmq `Queue.add` (the RPC job options), the sealed reply
 * awaited on this process's own pub/sub channel (an ioredis subscriber), opened and answered: 200
 * with the token pair, 401 on a wrong password, 503 when no reply comes in time. Its worker is
 * signin-hop-worker.js. Prints its port once subscribed and listening.
 */
const { randomUUID } = require('node:crypto');
const { Queue } = require('bullmq');
const Fastify = require('fastify');
const IORedis = require('ioredis');
const { sealer, names, RPC_JOB_OPTIONS } = require('./signin-hop-common');

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const seal = sealer(process.env.HOP_SECRET);
const clientId = randomUUID();
const TIMEOUT_MS = 10_000;
// as RpcClient: requests fail at once while Redis is away (no offline queue); replies on a subscriber
const pub = new IORedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableReadyCheck: true, disableClientInfo: true });
const sub = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, disableClientInfo: true });
const queue = new Queue(names.queue, { connection: pub, prefix: names.bullPrefix });
const pending = new Map();

sub.on('messageBuffer', (_channel, message) => {
  let reply;
  try {
    reply = seal.open(message.toString());
  } catch {
    return; // not ours, or tampered with: the caller times out
  }
  const p = pending.get(reply.id);
  if (!p) return;
  clearTimeout(p.timer);
  pending.delete(reply.id);
  p.resolve(reply);
});

function call(method, params) {
  const id = randomUUID();
  const deadline = Date.now() + TIMEOUT_MS;
  return new Promise((resolve) => {
    const timer = setTimeout(() => pending.delete(id) && resolve({ id, ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', status: 503 } }), TIMEOUT_MS);
    pending.set(id, { resolve, timer });
    queue.add(method, { s: seal.seal({ id, replyTo: clientId, deadline, params }) }, RPC_JOB_OPTIONS).catch(() => {
      clearTimeout(timer);
      if (pending.delete(id)) resolve({ id, ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', status: 503 } });
    });
  });
}

const app = Fastify({ logger: false });
app.post('/login', async (req, reply) => {
  const { email, password } = req.body ?? {};
  if (typeof email !== 'string' || typeof password !== 'string') return reply.code(422).send({ error: { code: 'VALIDATION_FAILED' } });
  const ua = req.headers['user-agent'];
  const ctx = { ip: req.ip?.slice(0, 64), userAgent: typeof ua === 'string' ? ua.slice(0, 512) : undefined };
  const r = await call('auth.login', { login: email, password, ctx });
  if (r.ok) return r.result;
  return reply.code(r.error.status ?? (r.error.code === 'INVALID_CREDENTIALS' ? 401 : 500)).send({ error: { code: r.error.code } });
});

(async () => {
  await new Promise((resolve) => (sub.status === 'ready' ? resolve() : sub.once('ready', resolve)));
  await sub.subscribe(names.replyChannel(clientId));
  await new Promise((resolve) => (pub.status === 'ready' ? resolve() : pub.once('ready', resolve)));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(app.server.address().port);
})();
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => queue.close())
    .then(() => Promise.allSettled([sub.quit(), pub.quit()]))
    .then(() => process.exit(0)),
);
