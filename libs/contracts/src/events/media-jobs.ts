import { z } from 'zod';
import { QUEUES } from '../queues';
import { uuid, v } from './common';

/**
 * Media job payloads are thin: the job id and owner; the worker reloads parameters from the
 * job row via RPC-free reads of the payload's `params`, which the gateway validated already.
 */
const base = { v, jobId: uuid, userId: uuid };

export const trimJobSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('trim'), ...base, params: z.record(z.string(), z.unknown()) }),
]);
export const overlayJobSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('overlay'), ...base, params: z.record(z.string(), z.unknown()) }),
]);
export const transcribeJobSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('transcribe'), ...base, params: z.record(z.string(), z.unknown()) }),
]);

export const mediaJobSchemas = {
  [QUEUES.trim]: trimJobSchema,
  [QUEUES.overlay]: overlayJobSchema,
  [QUEUES.transcribe]: transcribeJobSchema,
} as const;
