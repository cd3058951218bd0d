import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { QUEUES } from '@clipyard/contracts';

export type MediaQueue = typeof QUEUES.trim | typeof QUEUES.overlay | typeof QUEUES.transcribe | typeof QUEUES.hooks;

/** The validated envelope of every media job (`params` is validated by the processor). */
export interface MediaJobPayload {
  name: string;
  v: number;
  jobId: string;
  userId: string;
  priority: number;
  params: Record<string, unknown>;
}

/** What the runner hands a processor: a private temp folder, cancellation, progress, the input. */
export interface JobContext {
  job: Job;
  payload: MediaJobPayload;
  /** Removed by the runner whatever happens. */
  workDir: string;
  /** Aborted on cancel; pass it to ffmpeg and HTTP calls. */
  signal: AbortSignal;
  /** Per-job time limit for ffmpeg runs. */
  timeoutMs: number;
  /** Reports 0–100; the runner throttles the job.progress events. */
  progress(percent: number): void;
  /**
   * Fetches `params.input` (`{key}` from storage, owner-checked, `{url}` SSRF-checked, or a
   * `{video_page_url}` through yt-dlp) into the work folder. Call it after validating params.
   */
  fetchInput(input: unknown, maxBytes?: number, maxMediaSeconds?: number): Promise<{ file: string; bytes: number }>;
  logger: Logger;
}

export interface ProcessorOutput {
  /** File name in the job's output folder, e.g. `output.mp4` (one safe path segment). */
  name: string;
  /** Local file the runner uploads. */
  file: string;
  contentType: string;
}

export interface ProcessorResult {
  outputs: ProcessorOutput[];
  /** Goes to job.completed `result` (the API shows it). */
  result: Record<string, unknown>;
  usage: {
    units?: number;
    mediaSeconds: number;
    template?: string;
    customOverrides?: Record<string, unknown>;
    /** Minutes transcribed for a trim's subtitles (metered on the transcribe minutes, with the job's one usage event). */
    subtitleMinutes?: number;
    /** Clips a shorts job cut (metered as trim jobs with its one usage event). */
    trimJobs?: number;
    /** The language model's tokens and which model (hooks, shorts). */
    inputTokens?: number;
    outputTokens?: number;
    aiProvider?: string;
    aiModel?: string;
  };
}

/**
 * One processor per job name: a class declared `@MediaConsumer(queue)` whose `@Handle(jobName)`
 * method takes the JobContext. Register it in `processors.ts`; the worker refuses to start when a
 * job name of a consumed queue has no processor, or two.
 */
export interface JobProcessor {
  /** Throw a MediaError (retryable: false) for bad input, anything else to be retried. */
  process(ctx: JobContext): Promise<ProcessorResult>;
}
