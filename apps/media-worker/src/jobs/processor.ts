import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { MediaJobName, MediaJobPayload, MediaJobResult } from '@clipyard/contracts';
import type { MediaInput } from '@clipyard/media';

/** What the runner hands a processor: the payload (validated against MEDIA_JOBS), a private temp folder, cancellation, progress, the input. */
export interface JobContext<N extends MediaJobName = MediaJobName> {
  job: Job;
  payload: MediaJobPayload<N>;
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
  /**
   * fetchInput for a step that reads its input once with ffmpeg and never probes it (a trim
   * with the upload's facts): a `{key}` on S3 is not downloaded but read by ffmpeg through a
   * presigned URL of our own store, with range requests (only the part the cut needs); anything
   * else is fetched as by fetchInput. `bytes` may settle later (a HeadObject sent beside the
   * ffmpeg run): await it before the job ends; it rejects with INPUT_NOT_FOUND for a missing object.
   */
  openInput(input: unknown, maxBytes?: number, maxMediaSeconds?: number): Promise<{ source: MediaInput; bytes: Promise<number> }>;
  logger: Logger;
}

export interface ProcessorOutput {
  /** File name in the job's output folder, e.g. `output.mp4` (one safe path segment). */
  name: string;
  /** Local file the runner uploads. */
  file: string;
  contentType: string;
}

export interface ProcessorResult<N extends MediaJobName = MediaJobName> {
  outputs: ProcessorOutput[];
  /** Goes to job.completed `result` (the API shows it); its shape is the kind's MEDIA_JOBS `result`. */
  result: MediaJobResult<N>;
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
 * One processor per MEDIA_JOBS kind: a class declared `@MediaProcessor(name)` whose `process`
 * takes the JobContext of its kind. List it in `processors.ts` (a missing kind does not compile);
 * the worker also refuses to start when a job name of a consumed queue has no processor, or two.
 */
export interface JobProcessor<N extends MediaJobName = MediaJobName> {
  /** Throw a MediaError (retryable: false) for bad input, anything else to be retried. */
  process(ctx: JobContext<N>): Promise<ProcessorResult<N>>;
}
