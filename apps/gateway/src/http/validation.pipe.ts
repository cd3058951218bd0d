import type { ArgumentMetadata } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import { AppError } from '@clipyard/contracts';
import type { ZodError } from 'zod';

const ZodPipe = createZodValidationPipe({
  createValidationException: (error: unknown) => {
    const issues = (error as ZodError).issues ?? [];
    const fields = issues.map((i) => i.path.join('.') || 'body');
    return new AppError('VALIDATION_FAILED', `Invalid ${[...new Set(fields)].join(', ')}`, {
      issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  },
});

/**
 * Control characters no text field of the API needs: C0 except tab, line feed and carriage
 * return, DEL and C1. U+0000 in particular cannot be stored by PostgreSQL (text or jsonb).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The path of the first string (or object key) in `value` that holds a control character. */
export function controlCharPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 32) return null;
  for (const [k, v] of Object.entries(value)) {
    if (CONTROL.test(k)) return [...path, k.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?')].join('.');
    const found = controlCharPath(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Validates every body, query and param typed with a `createZodDto` class; a failure is a 422
 * VALIDATION_FAILED naming each field. Before the schema, any body, query or path value that
 * holds a control character is refused the same way, whatever the route.
 */
export class ValidationPipe extends ZodPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const at = controlCharPath(value, metadata.type === 'param' && metadata.data ? [metadata.data] : []);
      if (at) {
        const message = 'must not contain control characters (U+0000-U+001F other than tab and line breaks, U+007F-U+009F)';
        throw new AppError('VALIDATION_FAILED', `Invalid ${at}`, { issues: [{ path: at, message }] });
      }
    }
    return super.transform(value, metadata);
  }
}
