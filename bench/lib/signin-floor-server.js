'use strict';
/**
 * The floor of a sign-in (bench/deployed.bench.ts): one bare Fastify process, no Nest, no gateway
 * and no RPC hop, doing in-process exactly a password sign-in's essential work — the user's SELECT
 * on the bench's database, argon2.verify of its hash, the statement that opens the session (its
 * refresh token and audit row, into scratch copies of those tables: bench/lib/signin-floor.ts) and
 * the ES256 access token — on the auth app's pool size. Started the way the auth app is started
 * (scripts/lib/app-command.js: its thread pool and CPU priority). Prints its port.
 */
const { createHmac, generateKeyPairSync, randomBytes, randomUUID } = require('node:crypto');
const argon2 = require('argon2');
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');

const T = JSON.parse(process.env.FLOOR_TABLES); // { sessions, refreshTokens, audit }
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), application_name: 'clipyard-floor' });
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const kid = randomBytes(8).toString('hex');
const secret = randomBytes(32).toString('hex');
const DAY = 86_400_000;

// named prepared statements, as the auth app runs them (DB_PREPARED_STATEMENTS, default true)
const byEmail = { name: 'floor_user', text: 'SELECT u.* FROM users u WHERE u.email = $1 LIMIT 1' };
const open = {
  name: 'floor_open',
  text: `WITH s AS (
      INSERT INTO ${T.sessions} (id, user_id, method, ip, user_agent, expires_at, last_used_at)
      SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::timestamptz, $7::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM mfa_factors WHERE user_id = $2::uuid AND enabled_at IS NOT NULL)
      RETURNING *
    ), t AS (
      INSERT INTO ${T.refreshTokens} (session_id, token_hash, expires_at) SELECT s.id, $8::text, $9::timestamptz FROM s
    ), a AS (
      INSERT INTO ${T.audit} (action, user_id, actor_id, ip, user_agent, metadata)
      SELECT $10::text, $11::uuid, $12::uuid, $13::text, $14::text, $15::jsonb FROM s
    )
    SELECT * FROM s`,
};

const app = Fastify({ logger: false });
app.post('/login', async (req, reply) => {
  const { email, password } = req.body;
  const { rows } = await pool.query({ ...byEmail, values: [String(email).trim().toLowerCase()] });
  const user = rows[0];
  if (!user || !(await argon2.verify(user.password_hash, password))) return reply.code(401).send({ error: { code: 'INVALID_CREDENTIALS' } });
  const refresh = `rt_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + 30 * DAY);
  const ip = req.ip;
  const ua = String(req.headers['user-agent'] ?? '').slice(0, 512) || null;
  const tokenHash = createHmac('sha256', secret).update(`refresh-hash:${refresh}`).digest('hex');
  const s = await pool.query({
    ...open,
    values: [id, user.id, 'password', ip, ua, expiresAt, new Date(), tokenHash, expiresAt, 'login.succeeded', user.id, null, ip, ua, JSON.stringify({ session_id: id })],
  });
  if (!s.rows[0]) return reply.code(409).send({ error: { code: 'MFA_REQUIRED' } });
  const iat = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ sid: id, role: user.role, iat, exp: iat + 900 }, privateKey, {
    algorithm: 'ES256',
    keyid: kid,
    subject: user.id,
    issuer: 'clipyard',
    audience: 'clipyard-api',
    jwtid: randomBytes(12).toString('base64url'),
  });
  return { access_token: token, token_type: 'Bearer', expires_in: 900, refresh_token: refresh, session_id: id };
});
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(app.server.address().port));
process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
