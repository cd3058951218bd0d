import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const redirectUri = z.string().url().max(2048).describe('Where the browser goes back to with `code` (must be on OAUTH_REDIRECT_ALLOWLIST)');
const pkce = {
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be BASE64URL(SHA-256(code_verifier))')
    .optional()
    .describe('PKCE (S256) challenge of the client: the token exchange then needs its code_verifier'),
  code_challenge_method: z.literal('S256').optional(),
  state: z.string().max(512).optional().describe('Echoed back on the redirect (the client\'s own CSRF check)'),
  on_error: z
    .literal('redirect')
    .optional()
    .describe(
      'Browsers: a sign-in refused after the provider answered (409 ACCOUNT_EXISTS, IDENTITY_TAKEN, OAUTH_PROVIDER_ERROR…) sends the browser to `redirect_uri?error=<CODE>&error_description=…&state=…` instead of answering with the JSON error',
    ),
};

export class AuthorizeQueryDto extends createZodDto(z.object({ redirect_uri: redirectUri, ...pkce })) {}

export class LinkIdentityDto extends createZodDto(z.object({ redirect_uri: redirectUri, ...pkce })) {}

/** The provider's answer on the callback (documentation; the strategy reads the query itself). */
export const callbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const authorizationUrlReply = z.object({ authorization_url: z.string().url() });

/** The configured sign-in providers, for sign-in buttons. */
export const oauthProvidersReply = z.object({
  data: z.array(
    z.object({
      id: z.string().describe('The {provider} of /v1/auth/oauth/{provider}/authorize'),
      name: z.string().describe('What a button says: "Continue with {name}"'),
    }),
  ),
});
