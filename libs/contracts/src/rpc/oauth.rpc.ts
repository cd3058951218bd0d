import { z } from 'zod';
import { registerErrorCodes } from '../errors';
import { defineRpc } from './define';
import { mfaRequired, tokenPair } from './auth.rpc';

const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });
const id = z.string().uuid();
const ok = z.object({ ok: z.literal(true) });
/** A configured sign-in provider's name (`google`, `github`, or an OIDC issuer's name from OAUTH_PROVIDERS). */
export const oauthProviderName = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);

/** Social / OpenID Connect sign-in error codes and their HTTP status. */
export const OAUTH_ERROR_STATUS = {
  /** A provider identity whose email belongs to an account it may not join automatically (either side unverified): sign in and link it. */
  ACCOUNT_EXISTS: 409,
  /** The identity is already linked to another account, or this account already has one of that provider. */
  IDENTITY_TAKEN: 409,
  /** Unlinking would leave the account with no way to sign in (no password, no other identity). */
  LAST_SIGN_IN_METHOD: 409,
  /** Not in OAUTH_PROVIDERS. */
  UNKNOWN_OAUTH_PROVIDER: 404,
  /** redirect_uri is not on OAUTH_REDIRECT_ALLOWLIST. */
  REDIRECT_URI_NOT_ALLOWED: 400,
  /** The callback's `state` is unknown, expired, already used or of another provider. */
  OAUTH_STATE_INVALID: 400,
  /** The one-time sign-in code is unknown, expired, already used, or its PKCE verifier / redirect_uri does not match. */
  OAUTH_CODE_INVALID: 400,
  /** The provider refused or failed the exchange (or sent back an error). */
  OAUTH_PROVIDER_ERROR: 502,
  /** The provider gave no email address, which a new account needs. */
  OAUTH_EMAIL_MISSING: 422,
} as const;
registerErrorCodes(OAUTH_ERROR_STATUS);

/** What a provider told us about the person, after the gateway verified the callback (ID token or API). */
export const oauthProfile = z.object({
  provider: oauthProviderName,
  subject: z.string().min(1).max(255),
  email: z.string().max(254).nullable(),
  /** The provider vouches for the address (OIDC `email_verified`, GitHub's verified primary email). */
  email_verified: z.boolean(),
  name: z.string().max(200).nullable(),
});
export type OAuthProfile = z.infer<typeof oauthProfile>;

export const identityView = z.object({
  id,
  provider: z.string(),
  email: z.string().nullable(),
  email_verified: z.boolean(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export type IdentityView = z.infer<typeof identityView>;

/** Social and OpenID Connect sign-in, and the identities linked to an account. */
export const oauthRpc = defineRpc({
  /**
   * The gateway finished a provider callback: find, auto-link or create the account (or, with
   * `linkUserId`, link the identity to that signed-in account) and issue a one-time code (60 s)
   * bound to the client's redirect_uri and optional PKCE challenge.
   */
  'auth.oauth.signIn': {
    service: 'auth',
    request: z.object({
      profile: oauthProfile,
      linkUserId: id.optional(),
      redirectUri: z.string().url().max(2048),
      codeChallenge: z.string().max(128).optional(),
      ctx,
    }),
    reply: z.object({ code: z.string().nullable(), user_id: id, created: z.boolean(), linked: z.boolean() }),
  },
  /** `POST /v1/auth/token grant_type=authorization_code`: the one-time code for a token pair. */
  'auth.oauth.exchange': {
    service: 'auth',
    request: z.object({ code: z.string().max(200), codeVerifier: z.string().max(200).optional(), redirectUri: z.string().max(2048).optional(), ctx }),
    /** With two-factor on: `mfa_required` and an mfa_token instead of the tokens. */
    reply: z.union([tokenPair, mfaRequired]),
  },
  'auth.identities.list': { service: 'auth', request: z.object({ userId: id }), reply: z.object({ data: z.array(identityView) }) },
  'auth.identities.delete': { service: 'auth', request: z.object({ userId: id, identityId: id, ctx }), reply: ok },
});
export type OAuthMethod = keyof typeof oauthRpc;
