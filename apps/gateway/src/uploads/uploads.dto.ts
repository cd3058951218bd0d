import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const listUploadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(200).optional(),
});
export class ListUploadsQueryDto extends createZodDto(listUploadsQuerySchema) {}
