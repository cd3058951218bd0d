import { createZodValidationPipe } from 'nestjs-zod';
import { AppError } from '@clipyard/contracts';
import type { ZodError } from 'zod';

/**
 * Validates every body, query and param typed with a `createZodDto` class; a failure is a 422
 * VALIDATION_FAILED naming each field.
 */
export const ValidationPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => {
    const issues = (error as ZodError).issues ?? [];
    const fields = issues.map((i) => i.path.join('.') || 'body');
    return new AppError('VALIDATION_FAILED', `Invalid ${[...new Set(fields)].join(', ')}`, {
      issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  },
});
