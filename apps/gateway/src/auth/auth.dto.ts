import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { API_KEY_SCOPES } from '@clipyard/contracts';

const password = z.string().min(1).max(1024);

export class RegisterDto extends createZodDto(
  z.object({
    email: z.email().max(254),
    username: z.string().min(1).max(64).optional(),
    password,
    full_name: z.string().trim().min(1).max(200).optional(),
  }),
) {}

export class LoginDto extends createZodDto(
  z
    .object({
      email: z.string().max(254).optional(),
      username: z.string().max(254).optional(),
      login: z.string().max(254).optional(),
      password,
      /** Browsers: put the refresh token in an HttpOnly cookie instead of the reply body. */
      set_cookie: z.boolean().optional(),
    })
    .refine((b) => b.email ?? b.username ?? b.login, { message: 'email or username is required', path: ['email'] }),
) {}

export class TokenDto extends createZodDto(
  z.object({
    grant_type: z.string().max(64),
    username: z.string().max(254).optional(),
    password: password.optional(),
    refresh_token: z.string().max(512).optional(),
    /** authorization_code grant: the one-time code from the sign-in redirect, and the client's PKCE verifier. */
    code: z.string().max(200).optional(),
    code_verifier: z.string().max(128).optional(),
    redirect_uri: z.string().max(2048).optional(),
    scope: z.string().max(512).optional(),
    client_id: z.string().max(256).optional(),
    /** Browsers: the refresh token goes into the HttpOnly session cookie, as for `login` (`true`, also as a form value). */
    set_cookie: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  }),
) {}

/** No refresh_token: refresh the browser session from its cookie (needs X-CSRF-Token). */
export class RefreshDto extends createZodDto(z.object({ refresh_token: z.string().min(1).max(512).optional() }).optional().default({})) {}

export class CheckEmailDto extends createZodDto(z.object({ email: z.string().min(1).max(254) })) {}

export class ChangePasswordDto extends createZodDto(z.object({ current_password: password, new_password: password })) {}

export class UpdateMeDto extends createZodDto(
  z
    .object({
      full_name: z.string().trim().min(1).max(200).nullable().optional(),
      timezone: z.string().max(64).nullable().optional(),
      avatar_url: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
    })
    .strict(),
) {}

export class CreateApiKeyDto extends createZodDto(
  z.object({
    name: z.string().trim().min(1).max(100),
    expires_in_days: z.number().int().min(1).max(3650).optional(),
    scopes: z.array(z.enum(API_KEY_SCOPES)).max(API_KEY_SCOPES.length).optional(),
  }),
) {}

export class RollApiKeyDto extends createZodDto(
  z.object({ grace_seconds: z.number().int().min(0).max(30 * 86_400).optional() }).optional().default({}),
) {}

export class SetProviderKeyDto extends createZodDto(
  z.object({
    api_key: z.string().min(1).max(512),
    base_url: z.string().max(2048).nullable().optional(),
    label: z.string().trim().max(100).nullable().optional(),
  }),
) {}

export class AuditQueryDto extends createZodDto(
  z.object({
    user_id: z.uuid().optional(),
    action: z.string().max(64).optional(),
    before: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
) {}
