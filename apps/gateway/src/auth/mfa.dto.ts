import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const code = z.string().trim().min(1).max(16);

export class MfaCodeDto extends createZodDto(z.object({ code })) {}

export class DisableMfaDto extends createZodDto(
  z
    .object({ code: code.optional(), password: z.string().min(1).max(1024).optional() })
    .refine((b) => (b.code === undefined) !== (b.password === undefined), { message: 'send code or password', path: ['code'] }),
) {}

export class MfaChallengeDto extends createZodDto(
  z
    .object({
      mfa_token: z.string().min(1).max(128),
      code: code.optional(),
      recovery_code: z.string().trim().min(1).max(32).optional(),
      /** Browsers: put the refresh token in an HttpOnly cookie instead of the reply body. */
      set_cookie: z.boolean().optional(),
    })
    .refine((b) => (b.code === undefined) !== (b.recovery_code === undefined), { message: 'send code or recovery_code', path: ['code'] }),
) {}
