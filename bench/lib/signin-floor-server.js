'use strict';
/**
 * The floor of a sign-in (bench/deployed.bench.ts): one bare Fastify process, no Nest, no gateway
 * and no RPC hop, doing in-process exactly a password sign-in's essential work — the user's SELECT
 * on the bench's database, argon2.verify of its hash, the statement that opens the session (its
 * refresh token and audit row, into scratch copies of those tables: bench/lib/signin-floor.ts) and
 * the ES256 access token (bench/lib/signin-work.js) — on the auth app's pool size. Started the way
 * the auth app is started (scripts/lib/app-command.js: its thread pool and CPU priority). Prints its port.
 */
const argon2 = require('argon2');
const Fastify = require('fastify');
const { Pool } = require('pg');
const { signInWork } = require('./signin-work');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: 'clipyard-floor' });
const work = signInWork(pool, JSON.parse(process.env.FLOOR_TABLES)); // { sessions, refreshTokens, audit }

const app = Fastify({ logger: false });
app.post('/login', async (req, reply) => {
  const { email, password } = req.body;
  const user = await work.findUser(email);
  if (!user || !(await argon2.verify(user.password_hash, password))) return reply.code(401).send({ error: { code: 'INVALID_CREDENTIALS' } });
  const pair = await work.open(user, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 512) || null });
  if (!pair) return reply.code(409).send({ error: { code: 'MFA_REQUIRED' } });
  return pair;
});
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(app.server.address().port));
process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
