import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const email = z.string().trim().min(3).max(254).describe('The account email address');
const token = z.string().min(1).max(200).describe('The `token=` parameter of the emailed link');
const code = z.string().regex(/^\d{6}$/, 'must be 6 digits').describe('The 6-digit code from the email');
const password = z.string().min(1).max(1024);

export class EmailDto extends createZodDto(z.object({ email }).strict()) {}

export class VerifyEmailDto extends createZodDto(
  z
    .object({ token: token.optional(), code: code.optional() })
    .strict()
    .refine((b) => (b.token === undefined) !== (b.code === undefined), { message: 'send either token or code', path: ['token'] }),
) {}

export class ResetPasswordDto extends createZodDto(z.object({ token, new_password: password }).strict()) {}

export class MagicLinkVerifyDto extends createZodDto(
  z
    .object({
      token: token.optional(),
      email: email.optional(),
      code: code.optional(),
      /** Browsers: put the refresh token in an HttpOnly cookie instead of the reply body (as `login`). */
      set_cookie: z.boolean().optional(),
    })
    .strict()
    .refine((b) => (b.token !== undefined && b.email === undefined && b.code === undefined) || (b.token === undefined && b.email !== undefined && b.code !== undefined), {
      message: 'send token, or email and code',
      path: ['token'],
    }),
) {}

export class ChangeEmailDto extends createZodDto(z.object({ new_email: email, password }).strict()) {}

export class ConfirmEmailChangeDto extends createZodDto(z.object({ token }).strict()) {}

export class DeleteAccountDto extends createZodDto(
  z
    .object({ password: password.optional().describe('Required unless this session was opened by a magic link in the last 10 minutes') })
    .strict()
    .optional()
    .default({}),
) {}

/** The one body of every "we may have sent you an email" answer. */
export class AcceptedDto extends createZodDto(z.object({ accepted: z.literal(true) })) {}
