import { Injectable } from '@nestjs/common';
import { AppError, isMfaRequired, type MfaRequired, type OAuthProfile, type TokenPair } from '@clipyard/contracts';
import { Database } from '@clipyard/database';
import { VerificationService } from '../account-email/verification.service';
import { AnonymousService } from '../anonymous/anonymous.service';
import { AuditService } from '../audit/audit.service';
import { uniqueViolation, type RequestCtx } from '../common/context';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService, normaliseEmail } from '../users/users.service';
import { IdentitiesRepository } from './identities.repository';
import { OAuthCodes, pkceMatches } from './oauth-codes';

const codeInvalid = () => new AppError('OAUTH_CODE_INVALID', 'The sign-in code is invalid, expired or already used');
const taken = () => new AppError('IDENTITY_TAKEN', 'This provider account is linked to another account, or yours already has one of this provider');

/**
 * Social and OpenID Connect sign-in, once the gateway has verified the provider's answer:
 * which account a provider identity is, under the linking rules, and the one-time code that
 * the client exchanges for a token pair.
 *
 * Linking: a known identity signs its account in. An unknown one whose email matches an
 * account joins it only when the provider says the address is verified AND the account's
 * address is verified; otherwise 409 ACCOUNT_EXISTS (an attacker who registers a provider
 * account with someone's address must not get into their account — pre-account takeover).
 * New accounts get a verified email when the provider vouches for it.
 */
@Injectable()
export class SocialSignInService {
  constructor(
    private readonly db: Database,
    private readonly identities: IdentitiesRepository,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly codes: OAuthCodes,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly anonymous: AnonymousService,
    private readonly verification: VerificationService,
  ) {}

  async signIn(p: { profile: OAuthProfile; linkUserId?: string; redirectUri: string; codeChallenge?: string; ctx: RequestCtx }) {
    const { profile } = p;
    if (p.linkUserId) {
      await this.link(p.linkUserId, profile, p.ctx);
      return { code: null, user_id: p.linkUserId, created: false, linked: true };
    }
    const { userId, created, linked } = await this.resolve(profile, p.ctx);
    const code = await this.codes.issue({ userId, provider: profile.provider, redirectUri: p.redirectUri, codeChallenge: p.codeChallenge ?? null });
    return { code, user_id: userId, created, linked };
  }

  /** The one-time code → a token pair, or `mfa_required` when the account has two-factor on (completeSignIn asks for it). */
  async exchange(p: { code: string; codeVerifier?: string; redirectUri?: string; ctx: RequestCtx }): Promise<TokenPair | MfaRequired> {
    const grant = await this.codes.consume(p.code);
    if (!grant) throw codeInvalid();
    if (grant.codeChallenge !== null && !pkceMatches(grant.codeChallenge, p.codeVerifier)) throw codeInvalid();
    if (p.redirectUri !== undefined && p.redirectUri !== grant.redirectUri) throw codeInvalid();
    const user = await this.users.require(grant.userId);
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    const pair = await this.sessions.completeSignIn(user, p.ctx, 'oauth');
    if (isMfaRequired(pair)) return pair;
    await this.audit.record('login.oauth', { userId: user.id, ctx: p.ctx, metadata: { provider: grant.provider, session_id: pair.session_id } });
    return pair;
  }

  private async resolve(profile: OAuthProfile, ctx: RequestCtx): Promise<{ userId: string; created: boolean; linked: boolean }> {
    const known = await this.identities.findBySubject(profile.provider, profile.subject);
    if (known) {
      const user = await this.users.require(known.userId);
      if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
      await this.identities.touch(known.userId, known.id, profile.email, profile.email_verified);
      return { userId: user.id, created: false, linked: false };
    }
    if (!profile.email) throw new AppError('OAUTH_EMAIL_MISSING', 'The provider did not share an email address, which a new account needs');
    const email = normaliseEmail(profile.email);
    const existing = await this.userRows.findByEmail(email);
    if (existing) return { userId: await this.autoLink(existing, profile, email, ctx), created: false, linked: true };
    try {
      // the account and its first identity in one transaction; `users_email_uq` (the address
      // registered meanwhile) and `identities_provider_subject_uq` propagate to the catch below
      const userId = await this.db.transaction(async (tx) => {
        const user = await this.userRows.insert(
          { email, passwordHash: null, role: 'user', fullName: profile.name, emailVerifiedAt: profile.email_verified ? new Date() : null },
          tx,
        );
        await this.identities.insert({ userId: user.id, provider: profile.provider, subject: profile.subject, email, emailVerified: profile.email_verified }, tx);
        return user.id;
      });
      await this.audit.record('user.registered', { userId, ctx, metadata: { role: 'user', method: 'oauth', provider: profile.provider } });
      return { userId, created: true, linked: false };
    } catch (err) {
      const which = uniqueViolation(err);
      if (which === 'identities_provider_subject_uq') return this.resolve(profile, ctx); // the same callback raced itself
      if (which === 'users_email_uq') throw accountExists(); // registered meanwhile: the rules above apply on the next try
      throw err;
    }
  }

  private async autoLink(user: { id: string; isActive: boolean; emailVerifiedAt: Date | null }, profile: OAuthProfile, email: string, ctx: RequestCtx): Promise<string> {
    if (!profile.email_verified || !user.emailVerifiedAt) throw accountExists();
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    await this.insertIdentity(user.id, profile);
    await this.audit.record('identity.linked', { userId: user.id, ctx, metadata: { provider: profile.provider, automatic: true, email } });
    return user.id;
  }

  private async link(userId: string, profile: OAuthProfile, ctx: RequestCtx): Promise<void> {
    const known = await this.identities.findBySubject(profile.provider, profile.subject);
    if (known) {
      if (known.userId !== userId) throw taken();
      return;
    }
    const user = await this.users.require(userId);
    if (!user.isActive) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    // Linking a provider while signed in anonymously is an upgrade in place: same user id, jobs and
    // usage; the provider's email becomes the account's (409 ACCOUNT_EXISTS if another account has it,
    // before anything is written), verified when the provider vouches for it.
    if (user.isAnonymous) {
      if (!profile.email) throw new AppError('OAUTH_EMAIL_MISSING', 'The provider did not share an email address, which a new account needs');
      await this.anonymous.upgradeInPlace(userId, { email: normaliseEmail(profile.email), emailVerified: profile.email_verified, method: 'oauth' }, ctx);
      if (!profile.email_verified) await this.verification.send(userId, ctx).catch(() => undefined); // the user can ask for a resend
    }
    await this.insertIdentity(userId, profile);
    await this.audit.record('identity.linked', { userId, ctx, metadata: { provider: profile.provider, automatic: false } });
  }

  private async insertIdentity(userId: string, profile: OAuthProfile): Promise<void> {
    try {
      await this.identities.insert({ userId, provider: profile.provider, subject: profile.subject, email: profile.email, emailVerified: profile.email_verified });
    } catch (err) {
      if (uniqueViolation(err)?.startsWith('identities_')) throw taken();
      throw err;
    }
  }
}

function accountExists(): AppError {
  return new AppError(
    'ACCOUNT_EXISTS',
    'An account with this email already exists. Sign in to it (password or magic link) and link this provider from your account.',
  );
}
