import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { billingMonth, limitOverridesSchema } from '@clipyard/contracts';

export class SummaryQueryDto extends createZodDto(z.object({ month: billingMonth.optional() }).strict()) {}

export class UsageEventsQueryDto extends createZodDto(
  z
    .object({
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      action: z.enum(['trim', 'overlay', 'transcribe', 'requests']).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    })
    .strict(),
) {}

export class CheckoutDto extends createZodDto(z.object({ plan: z.enum(['pro', 'premium']) }).strict()) {}

export class UserIdParamDto extends createZodDto(z.object({ id: z.string().uuid() })) {}

export class SetPlanDto extends createZodDto(
  z.object({ plan: z.string().min(1).max(50), stripe_customer_id: z.string().min(1).max(100).optional() }).strict(),
) {}

export class SetLimitsDto extends createZodDto(limitOverridesSchema) {}
