import { z } from 'zod';

/** The one error shape every route answers with (see AllExceptionsFilter). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. QUOTA_EXCEEDED'),
      message: z.string().describe('Human-readable explanation'),
      details: z.record(z.string(), z.unknown()).optional().describe('Code-specific details (e.g. the invalid fields)'),
      requestId: z.string().describe('Quote this when asking for help; it is in the logs'),
    }),
  })
  .meta({ id: 'Error' });

/** The envelope restricted to the codes one status of one route may carry. */
export const errorEnvelope = (codes: string[]) => ({
  allOf: [
    { $ref: '#/components/schemas/Error' },
    { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: codes } } } } },
  ],
});
