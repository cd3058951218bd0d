import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError, MEDIA_JOBS, type MediaJobName, type MediaJobRequest } from '@clipyard/contracts';
import { Metrics, monotonicNs, ROOT_LOGGER, stageStamps } from '@clipyard/observability';
import { QueueClient, RpcClient } from '@clipyard/queue';
import { checkUrl, resolveUrl, urlPolicyOf } from '@clipyard/security';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { StoredResponse } from '../idempotency/idempotency.repository';
import { UploadsRepository, type UploadRecord } from '../uploads/uploads.repository';
import { UrlImport } from '../uploads/url-import';
import { BillingClient } from '../billing/billing.client';
import { JOB_TYPE_POLICIES, type JobTypePolicy, type SubmissionChoices } from './job-types';
import { TranscriptionSource } from '../transcribe/transcription-source';
import { ChatSource } from '../hooks/chat-source';
import { HooksInputResolver } from './hooks-input';
import { JobsRepository } from './jobs.repository';
import { presentJob } from './job.presenter';

export interface SubmitRequest<N extends MediaJobName = MediaJobName> {
  userId: string;
  type: N;
  /** The body as validated by the kind's request schema (defaults applied, timecodes in seconds). */
  params: MediaJobRequest<N>;
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

  async submit<N extends MediaJobName>(req: SubmitRequest<N>): Promise<StoredResponse & { replayed: boolean }> {
    const hash = this.idempotency.fingerprint(`POST /v1/jobs/${req.type}`, req.rawBody);
    return this.idempotency.run(req.userId, req.idempotencyKey, hash, () => this.create(req));
  }

  private async create<N extends MediaJobName>(req: SubmitRequest<N>): Promise<StoredResponse> {
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

  private async createFrom<N extends MediaJobName>({ userId, type, params }: SubmitRequest<N>, imported: UploadRecord | null): Promise<StoredResponse> {
    const policy: JobTypePolicy<N> = JOB_TYPE_POLICIES[type];
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

    // Whose transcription key, which language model: decided now (recorded on the job), so a job
    // that cannot run is refused before anything is reserved or queued.
    const { params: workerParams, ai } = await policy.worker(
      params,
      { input, upload, limits: { ...(maxInputBytes ? { max_input_bytes: maxInputBytes } : {}), ...(maxMediaSeconds ? { max_media_seconds: maxMediaSeconds } : {}) }, transcriptKey },
      this.choices(userId),
    );

    const reservation = await this.billing.reserve({
      userId,
      jobId,
      action: MEDIA_JOBS[type].action,
      units: policy.units?.(params, upload) ?? 1,
      trimJobs: policy.trimJobs?.(params) ?? 0,
      subtitleMinutes: policy.subtitleMinutes?.(params, upload) ?? 0,
      ...(upload ? { inputBytes: upload.size } : {}),
      ...(upload?.durationS != null ? { mediaSeconds: upload.durationS } : {}),
      features: [...(policy.features?.(params) ?? []), ...(params.callback_url ? ['webhooks'] : [])],
    });

    let job;
    try {
      // The payload is validated and the job's options settled before the row is inserted: the
      // row commits before the job is queued (a job whose insert fails never runs or bills), and
      // from then on nothing but the add stands between the row and the worker.
      const enqueue = this.queues.prepareMedia(
        type,
        { jobId, userId, priority: reservation.priority, params: workerParams },
        { jobId, ...(reservation.priority > 0 ? { priority: reservation.priority } : {}) },
      );
      // JOB_STAGE_LOG (bench only): monotonic stamps of the stages between the insert and the add
      const stages = stageStamps(this.config.JOB_STAGE_LOG);
      if (stages) stages.insert = monotonicNs();
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
      if (stages) stages.committed = monotonicNs();
      try {
        // Queued first. The gateways drop their (empty) copies of the new id (never rejects) on the
        // next turn, once the add is written to Redis, while the worker starts; done before anyone
        // is shown the job.
        if (stages) stages.add = monotonicNs();
        const added = stages ? enqueue().then(() => (stages.added = monotonicNs())) : enqueue();
        const announced = new Promise<void>((resolve) => setImmediate(resolve)).then(() => inserted.announce());
        await Promise.all([announced, added]);
        if (stages) this.logger.info({ jobId, stages }, 'job stages');
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

  /** What a kind's rule may decide at submission, for this user. */
  private choices(userId: string): SubmissionChoices {
    return {
      transcription: async (feature, want) => {
        const { features } = await this.billing.limits(userId);
        // without the feature billing refuses the job; nothing to choose
        return features.includes(feature) ? this.transcription.choose(userId, want, features) : undefined;
      },
      chat: (want) => this.chat.choose(userId, want),
    };
  }
}
