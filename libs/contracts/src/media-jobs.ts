import { z } from 'zod';
import type { PlanFeature } from './plan-features';
import { uuid, v } from './events/common';
import {
  OVERLAY_TEMPLATES,
  overlayJobParamsSchema,
  overlayParamsSchema,
  transcribeJobParamsSchema,
  transcribeParamsSchema,
  trimJobParamsSchema,
  trimParamsSchema,
} from './events/media-jobs';
import { hookSchema, hooksJobParamsSchema, hooksParamsSchema, shortsJobParamsSchema, shortsParamsSchema } from './hooks-params';

/** What one kind of media job is, everywhere: the gateway, the queues, the worker and billing. */
export interface MediaJobDef {
  /** Its queue is `media-<queue>` (kinds may share one); WORKER_<QUEUE>_CONCURRENCY sets its concurrency. */
  queue: string;
  /** The body of its public route (`POST /v1/jobs/<name>`), as the gateway validates it. */
  request: z.ZodType;
  /** `params` of its queue payload: what the gateway enqueues and the worker validates before the processor runs. */
  params: z.ZodType;
  /** What billing meters it as (kinds may share an action, as a short is a hooks unit). */
  action: string;
  /** The plan feature its action needs. */
  feature: PlanFeature;
  /** Default jobs of its queue one worker process runs at once (kinds sharing a queue agree). */
  concurrency: number;
  /** What a completed job's `result` holds (the API shows it). */
  result: z.ZodType;
}

const dims = { width: z.number().optional(), height: z.number().optional() };
const transcriptionResult = {
  detected_language: z.string().nullable(),
  minutes_billed: z.number(),
  audio_duration_s: z.number(),
  provider: z.string(),
  key_source: z.string(),
  model: z.string(),
};
const hooksResult = {
  hooks: z.array(hookSchema),
  ai_provider: z.string(),
  model: z.string(),
  tokens: z.object({ input: z.number(), output: z.number() }),
  minutes_billed: z.number(),
};

/**
 * The one registry of media job kinds. Every other list is derived from it: the job types of the
 * API and the `jobs` table, the media queues and their payload schemas, the usage actions and the
 * features they need, the worker's queues and concurrency settings. Adding a kind = one entry
 * here and one processor in the media worker (see the README).
 */
export const MEDIA_JOBS = {
  trim: {
    queue: 'trim',
    request: trimParamsSchema,
    params: trimJobParamsSchema,
    action: 'trim',
    feature: 'trim',
    concurrency: 2,
    result: z.looseObject({ duration_s: z.number(), ...dims, mode: z.enum(['fast', 'precise']), vertical: z.enum(['crop', 'pad']).nullable() }),
  },
  overlay: {
    queue: 'overlay',
    request: overlayParamsSchema,
    params: overlayJobParamsSchema,
    action: 'overlay',
    feature: 'overlay',
    concurrency: 2,
    result: z.looseObject({ duration_s: z.number(), ...dims, template: z.enum(OVERLAY_TEMPLATES), from_image: z.boolean() }),
  },
  transcribe: {
    queue: 'transcribe',
    request: transcribeParamsSchema,
    params: transcribeJobParamsSchema,
    action: 'transcribe',
    feature: 'transcribe',
    concurrency: 2,
    result: z.looseObject(transcriptionResult),
  },
  hooks: {
    queue: 'hooks',
    request: hooksParamsSchema,
    params: hooksJobParamsSchema,
    action: 'hooks',
    feature: 'hook_detection',
    concurrency: 2,
    result: z.looseObject(hooksResult),
  },
  /** transcribe → hooks → vertical clips in one job, on the hooks queue; metered as a hooks unit plus a trim per clip. */
  shorts: {
    queue: 'hooks',
    request: shortsParamsSchema,
    params: shortsJobParamsSchema,
    action: 'hooks',
    feature: 'hook_detection',
    concurrency: 2,
    result: z.looseObject({ ...hooksResult, clips: z.array(z.looseObject({ name: z.string(), duration_s: z.number() })) }),
  },
} as const satisfies Record<string, MediaJobDef>;

type Jobs = typeof MEDIA_JOBS;
export type MediaJobName = keyof Jobs;
/** The parts of one kind's registry entry. */
export type MediaJobDefOf<N extends MediaJobName> = Jobs[N];
// Mapped over the kinds, so that code generic in the kind can still read the fields all kinds share.
type Requests = { [K in MediaJobName]: z.output<Jobs[K]['request']> };
type ParamsIn = { [K in MediaJobName]: z.input<Jobs[K]['params']> };
type Params = { [K in MediaJobName]: z.output<Jobs[K]['params']> };
type Results = { [K in MediaJobName]: z.input<Jobs[K]['result']> };
/** A route's body after validation (defaults applied, timecodes in seconds). */
export type MediaJobRequest<N extends MediaJobName> = Requests[N];
/** `params` as a producer writes them. */
export type MediaJobParamsInput<N extends MediaJobName> = ParamsIn[N];
/** `params` as the worker's processor receives them (validated). */
export type MediaJobParams<N extends MediaJobName> = Params[N];
/** What a processor returns as the job's `result`. */
export type MediaJobResult<N extends MediaJobName> = Results[N];
export type UsageAction = Jobs[MediaJobName]['action'];
export type MediaQueueKey = Jobs[MediaJobName]['queue'];
export type MediaQueue = `media-${MediaQueueKey}`;
/** The media queue of one kind. */
export type MediaQueueOf<N extends MediaJobName> = `media-${Jobs[N]['queue']}`;
/** The kinds a media queue carries. */
export type MediaJobsOn<Q extends MediaQueue> = { [N in MediaJobName]: MediaQueueOf<N> extends Q ? N : never }[MediaJobName];

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
/** `{ [k]: f(k) }` over a list of keys, typed by them. */
export function recordOf<K extends string, V>(keys: readonly K[], f: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {};
  for (const k of keys) out[k] = f(k);
  return out as Record<K, V>;
}

/** Every kind, in registry order: the job types of the API and of the `jobs` table. */
export const JOB_TYPES = Object.keys(MEDIA_JOBS) as MediaJobName[];
export const isMediaJobName = (name: string): name is MediaJobName => Object.hasOwn(MEDIA_JOBS, name);
export const USAGE_ACTIONS: readonly UsageAction[] = unique(JOB_TYPES.map((n) => MEDIA_JOBS[n].action));
export const mediaQueueOf = <N extends MediaJobName>(name: N): MediaQueueOf<N> => `media-${MEDIA_JOBS[name].queue}` as const;
/** Every media queue, by key (`QUEUES.trim` is `media-trim`). */
export const MEDIA_QUEUES = Object.fromEntries(JOB_TYPES.map((n) => [MEDIA_JOBS[n].queue, mediaQueueOf(n)])) as { readonly [K in MediaQueueKey]: `media-${K}` };
export const MEDIA_QUEUE_NAMES: readonly MediaQueue[] = unique(JOB_TYPES.map(mediaQueueOf));
/** The kinds each media queue carries. */
export const mediaJobsOn = (queue: string): MediaJobName[] => JOB_TYPES.filter((n) => mediaQueueOf(n) === queue);
/** The plan feature each usage action needs. */
export const ACTION_FEATURES = Object.fromEntries(JOB_TYPES.map((n) => [MEDIA_JOBS[n].action, MEDIA_JOBS[n].feature])) as Record<UsageAction, PlanFeature>;
/** The worker's setting for a media queue's concurrency, and its default. */
export const concurrencyVar = <K extends MediaQueueKey>(key: K) => `WORKER_${key.toUpperCase() as Uppercase<K>}_CONCURRENCY` as const;
export const defaultConcurrency = (key: MediaQueueKey): number => Math.max(...JOB_TYPES.filter((n) => MEDIA_JOBS[n].queue === key).map((n) => MEDIA_JOBS[n].concurrency));

/** Validates a route's body (or a stored job's params, to submit them again) against its kind's request schema. */
export const parseMediaJobRequest = <N extends MediaJobName>(name: N, body: unknown): MediaJobRequest<N> =>
  MEDIA_JOBS[name].request.parse(body) as MediaJobRequest<N>;

/**
 * Media job payloads are thin: ids, the validated parameters and where the input lives in
 * storage. Never secrets, never file bytes. The payload's `name` is the BullMQ job name.
 */
const envelope = { v, jobId: uuid, userId: uuid, priority: z.number().int().min(0).default(0) };
const payloadSchemaOf = <N extends MediaJobName>(name: N) => z.object({ name: z.literal(name), ...envelope, params: MEDIA_JOBS[name].params });
// Built once per kind: a zod object schema compiles its parser on first use, so a schema made per
// call cost every enqueue ~0.4 ms (traced between the job row's insert and BullMQ's add).
const payloadSchemas = new Map<MediaJobName, ReturnType<typeof payloadSchemaOf>>();
export const mediaJobPayloadSchema = <N extends MediaJobName>(name: N): ReturnType<typeof payloadSchemaOf<N>> => {
  let schema = payloadSchemas.get(name);
  if (!schema) payloadSchemas.set(name, (schema = payloadSchemaOf(name)));
  return schema as ReturnType<typeof payloadSchemaOf<N>>;
};

/** One queued media job as its processor receives it (a union over the kinds when N is). */
export type MediaJobPayload<N extends MediaJobName = MediaJobName> = N extends MediaJobName
  ? { name: N; v: 1; jobId: string; userId: string; priority: number; params: MediaJobParams<N> }
  : never;
/** One media job as a producer writes it. */
export type MediaJobPayloadInput<N extends MediaJobName = MediaJobName> = N extends MediaJobName ? { name: N } & MediaJobEnqueue<N> : never;
/** What `QueueClient.addMedia(name, …)` takes: the job name picks the params type. */
export interface MediaJobEnqueue<N extends MediaJobName> {
  v?: 1;
  jobId: string;
  userId: string;
  priority?: number;
  params: MediaJobParamsInput<N>;
}

/** The payload schema of each media queue: any of its kinds. */
export const MEDIA_QUEUE_SCHEMAS = recordOf(MEDIA_QUEUE_NAMES, (q): z.ZodType => z.union(mediaJobsOn(q).map(mediaJobPayloadSchema)));
