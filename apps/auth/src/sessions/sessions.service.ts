import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, isMfaRequired, type MfaRequired, type TokenPair } from '@clipyard/contracts';
import { Database, type SessionEntity, type UserEntity } from '@clipyard/database';
import { AuditService, type AuditAction } from '../audit/audit.service';
import { iso, type RequestCtx } from '../common/context';
import { RateLimits } from '../common/rate-limits.service';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { MfaGate } from '../mfa/mfa-gate';
import { SigningKeys } from '../tokens/signing-keys.service';
import { PasswordHasher } from '../users/password.hasher';
import { UsersService } from '../users/users.service';
import { RefreshTokenCodec } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionRevocations } from './session-revocations';
import { SessionsRepository } from './sessions.repository';

const DAY = 86_400_000;

/** How a user proved who they are (stored on the session). */
export type SignInMethod = SessionEntity['method'];
const invalidRefresh = () => new AppError('REFRESH_TOKEN_INVALID', 'Refresh token is invalid or expired');

/** Sign-in, refresh-token rotation with reuse detection, and session management. */
@Injectable()
export class SessionsService {
  readonly codec: RefreshTokenCodec;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly db: Database,
    private readonly sessions: SessionsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly signer: SigningKeys,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
    private readonly mfa: MfaGate,
  ) {
    this.codec = new RefreshTokenCodec(config.API_KEY_PEPPER);
  }

  async login(p: { login: string; password: string; ctx: RequestCtx }): Promise<TokenPair | MfaRequired> {
    await this.limits.login(p.ctx.ip);
    const user = await this.users.findForLogin(p.login);
    // One counter per account whether it is named by email or username; unknown names count too.
    const account = user?.id ?? p.login.trim().toLowerCase().slice(0, 254);
    const hadFailures = await this.limits.assertNotLocked(account);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, p.password);
    // A disabled account answers exactly like a wrong password, so the answer never tells an
    // attacker that the password they tried was right.
    if (!ok || !user || !user.isActive) {
      const locked = await this.limits.recordFailure(account);
      await this.audit.record(locked ? 'login.locked' : 'login.failed', {
        userId: user?.id ?? null,
        ctx: p.ctx,
        metadata: user ? {} : { login: account.slice(0, 100) },
      });
      throw new AppError('INVALID_CREDENTIALS', 'Wrong email/username or password');
    }
    // `login.succeeded` is written with the session, in its statement.
    const pair = await this.completeSignIn(user, p.ctx, 'password', 'login.succeeded');
    // With two-factor on, the failure counter is cleared only once the second factor passes.
    if (isMfaRequired(pair)) return pair;
    if (hadFailures) await this.limits.clearFailures(account);
    return pair;
  }

  /**
   * THE place where a sign-in (password, magic link, social/OIDC) turns into a token pair, once the
   * first factor has been proven. With two-factor on it answers `mfa_required` and an mfa_token
   * instead (POST /v1/auth/mfa/challenge finishes it), so every method gets the second factor;
   * callers pass the user they authenticated and how, and hand an MfaRequired back as it is.
   * `audit` (with `{ session_id }`) is recorded with the session when one is opened.
   */
  async completeSignIn(user: UserEntity, ctx: RequestCtx, method: SignInMethod, audit?: AuditAction): Promise<TokenPair | MfaRequired> {
    // The second-factor check is part of the statement that opens the session: no session when it is on.
    const pair = await this.open(user, ctx, method, audit, true);
    if (pair) return pair;
    await this.audit.record('login.mfa_required', { userId: user.id, ctx, metadata: { method } });
    return this.mfa.challenge(user.id, method);
  }

  /**
   * Opens a session for an already authenticated user, with no further check (bootstrap, tests; sign-ins go through completeSignIn).
   * The session, its refresh token and the `audit` event (if any, with `{ session_id }`) are one statement.
   */
  async start(user: UserEntity, ctx: RequestCtx = {}, method: SessionEntity['method'] = 'password', audit?: AuditAction): Promise<TokenPair> {
    return (await this.open(user, ctx, method, audit, false))!;
  }

  private async open(user: UserEntity, ctx: RequestCtx, method: SignInMethod, audit: AuditAction | undefined, unlessMfaEnabled: boolean): Promise<TokenPair | null> {
    const refresh = this.codec.fresh();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TTL_DAYS * DAY);
    const id = randomUUID();
    const session = await this.sessions.open(
      { id, userId: user.id, method, ip: ctx.ip ?? null, userAgent: ctx.userAgent?.slice(0, 512) ?? null, expiresAt, lastUsedAt: new Date() },
      { tokenHash: this.codec.hash(refresh), expiresAt },
      { audit: audit ? this.audit.row(audit, { userId: user.id, ctx, metadata: { session_id: id } }) : undefined, unlessMfaEnabled },
    );
    return session ? this.pair(user, session.id, refresh) : null;
  }

  async refresh(p: { refresh_token: string; ctx: RequestCtx }): Promise<TokenPair> {
    const token = p.refresh_token;
    if (!/^rt_[A-Za-z0-9_-]{43}$/.test(token)) throw invalidRefresh();
    const row = await this.refreshTokens.findByHash(this.codec.hash(token));
    if (!row) throw invalidRefresh();
    const session = await this.sessions.ofRefreshToken(row.sessionId);
    if (!session || session.revokedAt) throw new AppError('SESSION_REVOKED', 'This session has been signed out');
    if (row.expiresAt.getTime() < Date.now() || session.expiresAt.getTime() < Date.now()) throw invalidRefresh();
    const user = await this.users.require(session.userId);
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');

    const child = await this.db.transaction(async (tx) => {
      if (!(await this.refreshTokens.markUsed(row.id, tx))) return null; // already rotated (maybe by a concurrent request): see below
      const next = this.codec.child(token);
      const expiresAt = new Date(Date.now() + this.config.REFRESH_TTL_DAYS * DAY);
      await this.refreshTokens.insert({ sessionId: session.id, tokenHash: this.codec.hash(next), parentId: row.id, expiresAt }, tx);
      await this.sessions.extend(session.userId, session.id, { expiresAt, ip: p.ctx.ip ?? session.ip }, tx);
      return next;
    });
    if (child) return this.pair(user, session.id, child);
    return this.replay(token, user, session, p.ctx);
  }

  /**
   * A rotated token came back. Within the grace window (two tabs refreshing at once) it gets the
   * current descendant; otherwise it is treated as stolen and the whole family is revoked.
   */
  private async replay(token: string, user: UserEntity, session: SessionEntity, ctx: RequestCtx): Promise<TokenPair> {
    const graceMs = this.config.REFRESH_REUSE_GRACE_S * 1000;
    let current = token;
    for (let depth = 0; depth < 5; depth++) {
      const row = await this.refreshTokens.findByHash(this.codec.hash(current));
      if (!row) break;
      if (!row.usedAt) return this.pair(user, session.id, current);
      if (Date.now() - row.usedAt.getTime() > graceMs) break;
      current = this.codec.child(current);
    }
    await this.revoke(session.userId, session.id, 'refresh_token_reuse');
    await this.audit.record('session.reuse_detected', { userId: user.id, ctx, metadata: { session_id: session.id } });
    throw new AppError('REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session has been revoked');
  }

  async list(userId: string, currentSessionId?: string) {
    const rows = await this.sessions.listUnrevoked(userId, 100);
    return {
      data: rows
        .filter((s) => s.expiresAt.getTime() > Date.now())
        .map((s) => ({
          id: s.id,
          created_at: iso(s.createdAt)!,
          last_used_at: iso(s.lastUsedAt),
          expires_at: iso(s.expiresAt)!,
          ip: s.ip,
          user_agent: s.userAgent,
          current: s.id === currentSessionId,
        })),
    };
  }

  /** Revokes one of the user's sessions; another user's id is a 404. */
  async revokeOwn(userId: string, sessionId: string, ctx: RequestCtx): Promise<void> {
    if (!(await this.revoke(userId, sessionId, 'signed_out'))) throw new AppError('NOT_FOUND', 'Session not found');
    await this.audit.record('session.revoked', { userId, ctx, metadata: { session_id: sessionId } });
  }

  /** Revokes every session of the user except `keep`; returns how many. */
  async revokeAll(userId: string, ctx: RequestCtx, keep?: string, reason = 'signed_out_everywhere'): Promise<number> {
    const ids = await this.sessions.revokeAll(userId, reason, keep);
    await this.revocations.publish(ids);
    await this.audit.record('session.all_revoked', { userId, ctx, metadata: { count: ids.length, reason } });
    return ids.length;
  }

  private async revoke(userId: string, sessionId: string, reason: string): Promise<boolean> {
    const revoked = await this.sessions.revoke(userId, sessionId, reason);
    if (revoked) await this.revocations.publish([sessionId]);
    return revoked;
  }

  private async pair(user: UserEntity, sessionId: string, refresh: string): Promise<TokenPair> {
    const { token, expiresIn } = await this.signer.sign({ sub: user.id, sid: sessionId, role: user.role, anonymous: user.isAnonymous });
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, refresh_token: refresh, session_id: sessionId };
  }
}
