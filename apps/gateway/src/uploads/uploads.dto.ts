import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoTimestamp, pageSchema } from '../openapi/schemas';

export const listUploadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(200).optional(),
});
export class ListUploadsQueryDto extends createZodDto(listUploadsQuerySchema) {}

export const uploadViewSchema = z
  .object({
    id: z.uuid(),
    size: z.number().int().describe('Bytes'),
    content_type: z.string(),
    filename: z.string().optional(),
    duration_s: z.number().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    created_at: isoTimestamp,
  })
  .meta({ id: 'Upload' });
export const uploadListSchema = pageSchema(uploadViewSchema);

/** The multipart body of `POST /v1/uploads` (documented; the service streams it). */
export const uploadBodyContent = {
  'multipart/form-data': {
    type: 'object',
    properties: { file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The media file' } },
    required: ['file'],
  },
};
