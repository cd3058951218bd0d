'use strict';
/**
 * A password sign-in's own work, bare (no Nest), as the sign-in floors of bench/deployed.bench.ts
 * do it: the user's SELECT, the statement that opens the session (its refresh token and audit row,
 * into the scratch copies `tables` of bench/lib/signin-floor.ts) and the ES256 access token. Used
 * by the one-process floor (signin-floor-server.js) and the hop floor's worker (signin-hop-worker.js).
 */
const { createHmac, generateKeyPairSync, randomBytes, randomUUID } = require('node:crypto');
const jwt = require('jsonwebtoken');

const DAY = 86_400_000;

/** `tables`: { sessions, refreshTokens, audit }; `pool`: a pg Pool on the bench's database. */
function signInWork(pool, tables) {
  const T = tables;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
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
  const audit = { name: 'floor_audit', text: `INSERT INTO ${T.audit} (action, user_id, actor_id, ip, user_agent, metadata) VALUES ($1::text, $2::uuid, NULL, $3::text, $4::text, $5::jsonb)` };

  return {
    /** The user row for a sign-in by email, or undefined. */
    async findUser(email) {
      const { rows } = await pool.query({ ...byEmail, values: [String(email).trim().toLowerCase()] });
      return rows[0];
    },
    /** A failed sign-in's audit row (as the auth app records `login.failed`). */
    async recordFailed(userId, ctx, metadata) {
      await pool.query({ ...audit, values: ['login.failed', userId ?? null, ctx.ip ?? null, ctx.userAgent ?? null, JSON.stringify(metadata ?? {})] });
    },
    /** Opens the session and signs the pair; null when the user has two-factor on (no session opened). */
    async open(user, ctx) {
      const refresh = `rt_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      const expiresAt = new Date(Date.now() + 30 * DAY);
      const ip = ctx.ip ?? null;
      const ua = ctx.userAgent ?? null;
      const tokenHash = createHmac('sha256', secret).update(`refresh-hash:${refresh}`).digest('hex');
      const s = await pool.query({
        ...open,
        values: [id, user.id, 'password', ip, ua, expiresAt, new Date(), tokenHash, expiresAt, 'login.succeeded', user.id, null, ip, ua, JSON.stringify({ session_id: id })],
      });
      if (!s.rows[0]) return null;
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
    },
  };
}

module.exports = { signInWork };
