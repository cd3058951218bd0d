import { z } from 'zod';

/** Small response-schema helpers shared by the controllers' DTO files. */
export const isoTimestamp = z.string().describe('ISO 8601 timestamp');

/** A cursor page: `{ data, next_cursor }`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') });

/** `{ data: [...] }` (a complete list). */
export const listSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

/** A binary download (documented, not JSON). */
export const binaryContent = { 'application/octet-stream': { type: 'string', contentMediaType: 'application/octet-stream' } };
