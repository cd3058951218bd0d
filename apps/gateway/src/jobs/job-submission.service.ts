import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError, type InputFacts } from '@clipyard/contracts';
import type { JobType } from '@clipyard/database';
import { Metrics, ROOT_LOGGER } from '@clipyard/observability';
import { QueueClient, RpcClient } from '@clipyard/queue';
import { checkUrl, resolveUrl, urlPolicyOf } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { StoredResponse } from '../idempotency/idempotency.repository';
import { UploadsRepository, type UploadRecord } from '../uploads/uploads.repository';
import { UrlImport } from '../uploads/url-import';
import { BillingClient } from './billing.client';
import { JOB_TYPE_POLICIES } from './job-types';
import { TranscriptionSource } from '../transcribe/transcription-source';
import { ChatSource } from '../hooks/chat-source';
import { HooksInputResolver } from '../hooks/hooks-input';
import { JobsRepository } from './jobs.repository';
import { presentJob } from './job.presenter';

export interface SubmitRequest {
  userId: string;
  type: JobType;
  /** Parameters already validated by the type's schema (defaults applied, timecodes in seconds). */
  params: Record<string, unknown> & { input: { upload_id: string } | { url: string } | { video_page_url: string } | { job_id: string } };
  /** The body as the client sent it: the idempotency fingerprint. */
  rawBody: unknown;
  idempotencyKey?: string;
}

/**
 * The one submission path every job type uses: idempotency, input resolution (the caller's own
 * upload, or a public URL), quota reservation with the plan features the job needs, the jobs
 * row, then the per-type queue. A failure after the reservation releases it and removes the row,
 * so a refused or failed submission leaves nothing behind.
 */
@Injectable()
export class JobSubmissionService {
  private readonly submitted;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly uploads: UploadsRepository,
    private readonly billing: BillingClient,
    private readonly queues: QueueClient,
    private readonly idempotency: IdempotencyService,
    private readonly transcription: TranscriptionSource,
    private readonly urlImport: UrlImport,
    private readonly chat: ChatSource,
    private readonly hookInputs: HooksInputResolver,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    metrics: Metrics,
    private readonly rpc: RpcClient,
  ) {
    this.submitted = metrics.counter('jobs_submitted_total', 'Jobs accepted by the gateway', ['type']);
  }

  async submit(req: SubmitRequest): Promise<StoredResponse & { replayed: boolean }> {
    const hash = this.idempotency.fingerprint(`POST /v1/jobs/${req.type}`, req.rawBody);
    return this.idempotency.run(req.userId, req.idempotencyKey, hash, () => this.create(req));
  }

  private async create(req: SubmitRequest): Promise<StoredResponse> {
    const { userId, params } = req;
    if (this.config.REQUIRE_VERIFIED_EMAIL && !(await this.rpc.call('auth.me.get', { userId })).email_verified) {
      throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email before submitting jobs (POST /v1/auth/email/resend for a new link)');
    }
    if (!('url' in params.input)) return this.createFrom(req, null);
    // A URL input is fetched and probed now, before anything is reserved: its real size and length
    // decide (413 FILE_TOO_LARGE / MEDIA_TOO_LONG, the minutes held), and the worker processes the
    // very bytes that were probed (stored like an upload). Dropped again if the job is refused.
    checkUrl(params.input.url, urlPolicyOf(this.config), { field: 'input.url' });
    const { maxFileBytes } = await this.billing.limits(userId);
    const maxBytes = Math.min(maxFileBytes < 0 ? Number.MAX_SAFE_INTEGER : maxFileBytes, this.config.UPLOAD_MAX_BYTES);
    const imported = await this.urlImport.import(userId, params.input.url, maxBytes);
    try {
      return await this.createFrom(req, imported);
    } catch (err) {
      await this.urlImport.discard(imported).catch((e) => this.logger.warn({ err: e }, 'could not drop a refused URL input'));
      throw err;
    }
  }

  private async createFrom({ userId, type, params }: SubmitRequest, imported: UploadRecord | null): Promise<StoredResponse> {
    const policy = JOB_TYPE_POLICIES[type];
    const urlPolicy = urlPolicyOf(this.config);
    // The URL policy at submission: a callback is resolved now (and pinned again at delivery);
    // a media URL is checked without the network here and resolved, pinned, by the worker.
    if (typeof params.callback_url === 'string') await resolveUrl(params.callback_url, urlPolicy, { field: 'callback_url' });
    const jobId = randomUUID();
    let upload: UploadRecord | null = imported;
    let input: { key: string } | { url: string } | { video_page_url: string };
    /** Worker-side caps on a URL or video-page input: the plan's upload and length limits. */
    let maxInputBytes: number | undefined;
    let maxMediaSeconds: number | undefined;
    /** hooks/shorts on an earlier transcription: its transcript, reused. */
    let transcriptKey: string | undefined;
    if (upload) {
      input = { key: upload.storageKey };
    } else if ('job_id' in params.input) {
      const reused = await this.hookInputs.fromTranscription(userId, params.input.job_id);
      upload = reused.upload;
      input = reused.input;
      transcriptKey = reused.transcriptKey;
    } else if ('upload_id' in params.input) {
      upload = await this.uploads.findOwned(userId, params.input.upload_id);
      if (!upload) throw new AppError('UPLOAD_NOT_FOUND', 'Upload not found', { field: 'input.upload_id' });
      input = { key: upload.storageKey };
    } else {
      if ('video_page_url' in params.input) {
        if (!this.config.VIDEO_PAGE_INPUTS) {
          throw new AppError('VIDEO_PAGE_INPUTS_DISABLED', 'Video page inputs are not enabled on this server (VIDEO_PAGE_INPUTS)', {
            issues: [{ path: 'input.video_page_url', message: 'not enabled on this server' }],
          });
        }
        checkUrl(params.input.video_page_url, urlPolicy, { field: 'input.video_page_url' });
        input = { video_page_url: params.input.video_page_url };
      } else {
        throw new Error('unreachable: URL inputs are imported before'); // create() handles { url }
      }
      const { maxFileBytes, maxMediaSeconds: planSeconds } = await this.billing.limits(userId);
      maxInputBytes = Math.min(maxFileBytes < 0 ? Number.MAX_SAFE_INTEGER : maxFileBytes, this.config.UPLOAD_MAX_BYTES);
      if (planSeconds > 0) maxMediaSeconds = planSeconds;
    }

    // Transcriptions (and subtitled trims) need a key: whose is decided now, so a job that cannot
    // run is refused before anything is reserved or queued.
    const workerExtra = await this.transcriptionSource(userId, type, params);
    // hooks and shorts: whose language-model key and which model, decided now (recorded on the job)
    const ai = type === 'hooks' || type === 'shorts' ? await this.chat.choose(userId, params as { provider?: string; model?: string }) : undefined;
    if (ai) Object.assign(workerExtra, ai, transcriptKey ? { transcript_key: transcriptKey } : {});

    const reservation = await this.billing.reserve({
      userId,
      jobId,
      action: policy.action ?? (type as 'trim' | 'overlay' | 'transcribe'),
      units: policy.units(params, upload),
      trimJobs: policy.trimJobs?.(params) ?? 0,
      subtitleMinutes: policy.subtitleMinutes(params, upload),
      ...(upload ? { inputBytes: upload.size } : {}),
      ...(upload?.durationS != null ? { mediaSeconds: upload.durationS } : {}),
      features: [...policy.features(params), ...(params.callback_url ? ['webhooks'] : [])],
    });

    let job;
    try {
      const inserted = await this.jobs.insertUnannounced({
        id: jobId,
        userId,
        type,
        params,
        input,
        uploadId: upload?.id ?? null,
        priority: reservation.priority,
        reservationId: reservation.reservationId,
        aiProvider: ai?.ai_provider ?? null,
        aiModel: ai?.ai_model ?? null,
      });
      job = inserted.job;
      try {
        // the worker can start while the gateways drop their (empty) copies of the new id (never rejects)
        await Promise.all([
          inserted.announced,
          this.queues.add(
            policy.queue as never,
            {
              name: type,
              v: 1,
              jobId,
              userId,
              priority: reservation.priority,
              params: {
                ...params,
                input,
                ...(maxInputBytes ? { max_input_bytes: maxInputBytes } : {}),
                ...(maxMediaSeconds ? { max_media_seconds: maxMediaSeconds } : {}),
                // a trim of a probed upload: its facts, so the worker need not ffprobe it again
                ...(type === 'trim' && upload?.durationS ? { input_facts: inputFactsOf(upload) } : {}),
                ...workerExtra,
              },
            } as never,
            { jobId, ...(reservation.priority > 0 ? { priority: reservation.priority } : {}) },
          ),
        ]);
      } catch (err) {
        await this.jobs.deleteOwned(userId, jobId);
        throw err;
      }
    } catch (err) {
      await this.billing
        .release(userId, jobId, 'submission_failed')
        .catch((e) => this.logger.error({ err: e, jobId }, 'could not release the reservation of a failed submission'));
      if (err instanceof AppError) throw err;
      this.logger.error({ err, jobId }, 'job submission failed after the reservation');
      throw new AppError('UPSTREAM_UNAVAILABLE', 'The job could not be queued; nothing was charged, try again');
    }
    this.submitted.inc({ type });
    return {
      status: 202,
      body: presentJob(job, this.config.PUBLIC_BASE_URL),
      headers: { Location: `/v1/jobs/${jobId}` },
    };
  }

  /** `{key_source, provider}` for jobs that transcribe; nothing for others, or when the plan lacks the feature (billing refuses). */
  private async transcriptionSource(userId: string, type: JobType, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (type === 'hooks' || type === 'shorts') {
      // they transcribe unless they reuse a transcription; `provider` there names the model's key
      if ('job_id' in (params.input as object)) return {};
      const { features } = await this.billing.limits(userId);
      if (!features.includes('transcribe')) return {};
      const t = await this.transcription.choose(userId, {}, features);
      return { key_source: t.key_source, transcription_provider: t.provider };
    }
    const feature = type === 'transcribe' ? 'transcribe' : type === 'trim' && params.subtitles ? 'subtitles' : undefined;
    if (!feature) return {};
    const { features } = await this.billing.limits(userId);
    if (!features.includes(feature)) return {};
    return { ...(await this.transcription.choose(userId, params as never, features)) };
  }
}

/** The upload's probe facts as a trim job carries them (`input_facts`). */
function inputFactsOf(u: UploadRecord): InputFacts {
  return { duration_s: u.durationS!, content_type: u.contentType, ...(u.width && u.height ? { width: u.width, height: u.height } : {}) };
}
