import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, providerCapabilities, type MediaJobResult } from '@clipyard/contracts';
import {
  MediaError,
  ProviderError,
  TRANSCRIPT_FILES,
  WhisperClient,
  transcribeMedia,
  writeTranscriptFiles,
  type Transcript,
} from '@clipyard/media';
import { Metrics } from '@clipyard/observability';
import type { Counter } from 'prom-client';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import type { JobContext, ProcessorOutput } from '../jobs/processor';
import { ProviderCredentials } from './provider-credentials';

export interface TranscriptionRequest {
  language?: string;
  translate: boolean;
  prompt?: string;
  model: string;
  diarize: boolean;
  keySource: 'user' | 'platform';
  provider?: string;
}

export interface TranscriptionOutcome {
  transcript: Transcript;
  outputs: ProcessorOutput[];
  srtPath: string;
  audioSeconds: number;
  /** Whole minutes billed (rounded up, at least 1). */
  minutes: number;
  /** Fields every transcription result shows. */
  result: MediaJobResult<'transcribe'>;
}

/**
 * One transcription inside a media job: opens the provider key for the call only, runs the
 * extract → chunk → send → stitch pipeline with the job's cancel signal, writes the four transcript
 * files, and turns provider failures into coded media errors (401/403 final and reported on the
 * key; 429/5xx/timeouts retryable after the client's own retries).
 */
@Injectable()
export class TranscriptionRunner {
  private readonly whisper: WhisperClient;
  private readonly calls: Counter<'outcome'>;

  constructor(
    private readonly credentials: ProviderCredentials,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    metrics: Metrics,
  ) {
    this.calls = metrics.counter('whisper_requests_total', 'Whisper API requests by outcome', ['outcome']);
    this.whisper = new WhisperClient({
      timeoutMs: config.WHISPER_TIMEOUT_MS,
      maxRetries: config.WHISPER_MAX_RETRIES,
      baseDelayMs: config.WHISPER_RETRY_BASE_MS,
      maxDelayMs: config.WHISPER_RETRY_MAX_MS,
      onRetry: ({ reason }) => this.calls.inc({ outcome: `retried_${reason.toLowerCase()}` }),
    });
  }

  async run(
    ctx: JobContext,
    input: string,
    req: TranscriptionRequest,
    onProgress: (fraction: number) => void,
  ): Promise<TranscriptionOutcome> {
    const dir = path.join(ctx.workDir, 'transcription');
    await mkdir(dir, { recursive: true });
    const userId = ctx.payload.userId;
    const used = { provider: req.provider ?? 'openai', keySource: req.keySource as string, model: req.model };
    try {
      const r = await this.credentials.use(userId, { keySource: req.keySource, provider: req.provider }, (cred) => {
        used.provider = cred.provider;
        used.keySource = cred.keySource;
        const caps = providerCapabilities(cred.provider);
        if (req.diarize && !caps.diarization) {
          throw new MediaError('VALIDATION_FAILED', `diarization is not supported by the ${cred.provider} provider`);
        }
        const model = req.diarize && caps.diarizationModel ? caps.diarizationModel : req.model;
        used.model = model;
        return transcribeMedia({
          input,
          workDir: dir,
          maxChunkBytes: Math.min(this.config.WHISPER_CHUNK_MAX_BYTES, caps.maxUploadBytes),
          concurrency: this.config.WHISPER_CONCURRENCY,
          bitrateKbps: this.config.WHISPER_AUDIO_BITRATE_KBPS,
          signal: ctx.signal,
          ffmpegTimeoutMs: ctx.timeoutMs,
          onProgress,
          send: async (chunk, _i, signal) => {
            const res = await this.whisper.transcribe({
              baseUrl: cred.baseUrl,
              urlPolicy: cred.urlPolicy,
              apiKey: cred.apiKey,
              filePath: chunk,
              model,
              language: req.language,
              prompt: req.prompt,
              translate: req.translate,
              diarize: req.diarize,
              signal,
            });
            this.calls.inc({ outcome: 'ok' });
            return res;
          },
        });
      });
      const files = await writeTranscriptFiles(r.transcript, dir);
      // whole seconds first, so the few ms an encoder pads never bill an extra minute
      const minutes = Math.max(1, Math.ceil(Math.round(r.audioSeconds) / 60));
      return {
        transcript: r.transcript,
        srtPath: files.srt,
        audioSeconds: r.audioSeconds,
        minutes,
        outputs: (Object.keys(TRANSCRIPT_FILES) as (keyof typeof TRANSCRIPT_FILES)[]).map((k) => ({
          name: TRANSCRIPT_FILES[k].name,
          file: files[k],
          contentType: TRANSCRIPT_FILES[k].contentType,
        })),
        result: {
          detected_language: r.transcript.language ?? null,
          translated_to: req.translate ? 'en' : null,
          with_diarization: req.diarize,
          minutes_billed: minutes,
          audio_duration_s: Math.round(r.audioSeconds * 1000) / 1000,
          segments: r.transcript.segments.length,
          chunks: r.chunks.length,
          provider: used.provider,
          key_source: used.keySource,
          model: used.model,
        },
      };
    } catch (err) {
      throw await this.toMediaError(err, userId, used);
    }
  }

  private async toMediaError(err: unknown, userId: string, used: { provider: string; keySource: string }): Promise<unknown> {
    if (err instanceof ProviderError) {
      this.calls.inc({ outcome: err.code.toLowerCase() });
      if (err.code === 'PROVIDER_KEY_REJECTED' && used.keySource === 'user') {
        await this.credentials.reportRejected(userId, used.provider, err.message);
      }
      return new MediaError(err.code, err.message, err.retryable);
    }
    if (err instanceof MediaError || !(err instanceof AppError)) return err;
    // coded errors of the transcription lib (NO_AUDIO_STREAM, JOB_TIMEOUT, …) are final
    return new MediaError(err.code, err.message, err.code === 'INTERNAL');
  }
}
