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
