import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AnonymousDto extends createZodDto(
  z
    .object({
      /** Browsers: put the refresh token in an HttpOnly cookie instead of the reply body. */
      set_cookie: z.boolean().optional(),
    })
    .optional()
    .default({}),
) {}

export class UpgradeDto extends createZodDto(z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) })) {}
