import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MediaJobName, MediaJobRequest } from '@clipyard/contracts';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { JobSubmissionService } from './job-submission.service';
import { JobsQueryService } from './jobs-query.service';
import { JobCancelService } from './job-cancel.service';
import { JobPurgeService } from './job-purge.service';
import { DeleteJobQueryDto, HooksJobDto, jobListSchema, jobStatsSchema, jobViewSchema, ListJobsQueryDto, OverlayJobDto, ShortsJobDto, TranscribeJobDto, TrimJobDto } from './jobs.dto';
import { answerPoll, type JobView } from './job.presenter';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { Inject } from '@nestjs/common';
import { ApiRoute } from '../openapi/api-route.decorator';
import { IdParam } from '../http/id.pipe';

const HOOK_ERRORS = [
  'QUOTA_EXCEEDED', 'CONCURRENCY_LIMIT', 'FEATURE_NOT_IN_PLAN', 'FILE_TOO_LARGE', 'MEDIA_TOO_LONG', 'INPUT_TOO_LARGE', 'UPLOAD_NOT_FOUND',
  'URL_FORBIDDEN', 'VIDEO_PAGE_INPUTS_DISABLED', 'JOB_NOT_FOUND', 'OUTPUT_EXPIRED', 'NO_PROVIDER_KEY', 'NO_CHAT_PROVIDER_KEY',
  'IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED',
] as const;

@ApiTags('jobs')
@ApiSecurity('api-key')
@ApiSecurity('bearer')
@Controller('v1/jobs')
export class JobsController {
  constructor(
    private readonly submission: JobSubmissionService,
    private readonly query: JobsQueryService,
    private readonly cancels: JobCancelService,
    private readonly purges: JobPurgeService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('trim')
  @Scopes('jobs:write')
  @ApiRoute({
    id: 'jobs.createTrim',
    summary: 'Trim a video (fast: stream copy; precise: re-encode), optionally 9:16',
    description: 'Queues the job and answers 202 with it; poll `GET /v1/jobs/{id}` or subscribe a webhook.',
    responses: { 202: { schema: jobViewSchema, headers: { Location: { description: 'The job to poll', required: true }, 'Idempotent-Replayed': 'true when this is a stored answer' } } },
    errors: ['EMAIL_NOT_VERIFIED', 'QUOTA_EXCEEDED', 'CONCURRENCY_LIMIT', 'FEATURE_NOT_IN_PLAN', 'FILE_TOO_LARGE', 'MEDIA_TOO_LONG', 'INPUT_TOO_LARGE', 'UPLOAD_NOT_FOUND', 'URL_FORBIDDEN', 'URL_FETCH_FAILED', 'UNSUPPORTED_MEDIA', 'IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED', 'NO_PROVIDER_KEY', 'PROVIDER_KEY_NOT_FOUND'],
    headers: { 'Idempotency-Key': { description: 'Retries with the same key return the first answer (kept 24 h); reuse with another body is 422' } },
  })
  trim(@CurrentUser() user: Principal, @Body() body: TrimJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('trim', user, body, req, res);
  }

  @Post('overlay')
  @Scopes('jobs:write')
  @ApiRoute({
    id: 'jobs.createOverlay',
    summary: 'Draw text on an image or video with a template',
    responses: { 202: { schema: jobViewSchema, headers: { Location: { description: 'The job to poll', required: true }, 'Idempotent-Replayed': 'true when this is a stored answer' } } },
    errors: ['EMAIL_NOT_VERIFIED', 'QUOTA_EXCEEDED', 'CONCURRENCY_LIMIT', 'FEATURE_NOT_IN_PLAN', 'FILE_TOO_LARGE', 'MEDIA_TOO_LONG', 'INPUT_TOO_LARGE', 'UPLOAD_NOT_FOUND', 'URL_FORBIDDEN', 'URL_FETCH_FAILED', 'UNSUPPORTED_MEDIA', 'IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED'],
    headers: { 'Idempotency-Key': { description: 'Retries with the same key return the first answer (kept 24 h); reuse with another body is 422' } },
  })
  overlay(@CurrentUser() user: Principal, @Body() body: OverlayJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('overlay', user, body, req, res);
  }

  @Post('transcribe')
  @ApiRoute({
    id: 'jobs.createTranscribe',
    summary: 'Transcribe (or translate to English) speech with your provider key → JSON, TXT, SRT, VTT',
    responses: { 202: { schema: jobViewSchema, headers: { Location: { description: 'The job to poll', required: true }, 'Idempotent-Replayed': 'true when this is a stored answer' } } },
    errors: ['EMAIL_NOT_VERIFIED', 'QUOTA_EXCEEDED', 'CONCURRENCY_LIMIT', 'FEATURE_NOT_IN_PLAN', 'FILE_TOO_LARGE', 'MEDIA_TOO_LONG', 'INPUT_TOO_LARGE', 'UPLOAD_NOT_FOUND', 'URL_FORBIDDEN', 'URL_FETCH_FAILED', 'UNSUPPORTED_MEDIA', 'IDEMPOTENCY_KEY_INVALID', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED', 'NO_PROVIDER_KEY', 'PROVIDER_KEY_NOT_FOUND'],
    headers: { 'Idempotency-Key': { description: 'Retries with the same key return the first answer (kept 24 h); reuse with another body is 422' } },
  })
  @Scopes('jobs:write')
  transcribe(@CurrentUser() user: Principal, @Body() body: TranscribeJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('transcribe', user, body, req, res);
  }

  @Post('hooks')
  @Scopes('jobs:write')
  @ApiRoute({
    id: 'jobs.createHooks',
    summary: 'Find the best moments for short clips with your own language-model key → hooks.json',
    description:
      'Input: an upload, a URL, a video page (VIDEO_PAGE_INPUTS) or `{job_id}` of your completed transcription (reused: no second transcription). ' +
      'The result lists `hooks` `[{start, end, score, title, hook_sentence, reason}]`, best first.',
    responses: { 202: { schema: jobViewSchema, headers: { Location: { description: 'The job to poll', required: true }, 'Idempotent-Replayed': 'true when this is a stored answer' } } },
    errors: [...HOOK_ERRORS],
    headers: { 'Idempotency-Key': { description: 'Retries with the same key return the first answer (kept 24 h); reuse with another body is 422' } },
  })
  hooks(@CurrentUser() user: Principal, @Body() body: HooksJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('hooks', user, body, req, res);
  }

  @Post('shorts')
  @Scopes('jobs:write')
  @ApiRoute({
    id: 'jobs.createShorts',
    summary: 'Hooks rendered as vertical clips with burned captions, in one job (transcribe → hooks → clips)',
    description: 'Outputs `short-1.mp4`… and `hooks.json`. Reserves one hooks unit, one trim per clip and the minutes to transcribe, up front.',
    responses: { 202: { schema: jobViewSchema, headers: { Location: { description: 'The job to poll', required: true }, 'Idempotent-Replayed': 'true when this is a stored answer' } } },
    errors: [...HOOK_ERRORS],
    headers: { 'Idempotency-Key': { description: 'Retries with the same key return the first answer (kept 24 h); reuse with another body is 422' } },
  })
  shorts(@CurrentUser() user: Principal, @Body() body: ShortsJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('shorts', user, body, req, res);
  }

  /** Shared by every submission route (the transcribe route uses it too). */
  async submit<N extends MediaJobName>(type: N, user: Principal, params: MediaJobRequest<N>, req: FastifyRequest, res: FastifyReply): Promise<unknown> {
    const key = req.headers['idempotency-key'];
    const out = await this.submission.submit({
      userId: user.userId,
      type,
      params,
      rawBody: req.body,
      idempotencyKey: Array.isArray(key) ? key[0] : key,
    });
    res.status(out.status);
    for (const [k, v] of Object.entries(out.headers)) res.header(k, v);
    if (out.replayed) res.header('Idempotent-Replayed', 'true');
    return out.body;
  }

  @Get()
  @Scopes('jobs:read')
  @ApiRoute({ id: 'jobs.list', summary: 'List your jobs, newest first (cursor pagination)', responses: { 200: jobListSchema } })
  list(@CurrentUser() user: Principal, @Query() q: ListJobsQueryDto) {
    return this.query.list(user.userId, q);
  }

  @Get('stats')
  @Scopes('jobs:read')
  @ApiRoute({ id: 'jobs.stats', summary: 'Counts of your jobs by status and type, and the success rate', responses: { 200: jobStatsSchema } })
  stats(@CurrentUser() user: Principal) {
    return this.query.stats(user.userId);
  }

  /**
   * The polling hot path, no RPC: the job comes from the gateway's in-memory status cache (dropped
   * on any change, over Redis) or, on a miss, one indexed read; its ETag and JSON are rendered once
   * per version. ETag/304 and Retry-After while running.
   */
  @Get(':id')
  @Scopes('jobs:read')
  @ApiRoute({
    id: 'jobs.get',
    summary: 'Poll a job (ETag / If-None-Match → 304; Retry-After while running)',
    responses: {
      200: { schema: jobViewSchema, headers: { ETag: { description: 'Changes whenever the job does', required: true }, 'Retry-After': 'Seconds until the next useful poll (queued or running)' } },
      304: { description: 'Not modified (If-None-Match matched)', headers: { ETag: { description: 'The current tag', required: true } } },
    },
    errors: ['JOB_NOT_FOUND'],
    headers: { 'If-None-Match': { description: 'The ETag of the copy you have' } },
  })
  async get(
    @CurrentUser() user: Principal,
    @IdParam('id', 'JOB_NOT_FOUND', 'Job not found') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JobView | string | undefined> {
    const job = await this.query.get(user.userId, id);
    // the JobView, serialised once per version of the job (JobPollFastPath answers the same way)
    return answerPoll(res, job, this.query.rendered(job), ifNoneMatch, this.config.JOB_POLL_RETRY_AFTER_S);
  }

  @Delete(':id')
  @Scopes('jobs:write')
  @HttpCode(200)
  @ApiRoute({
    id: 'jobs.cancel',
    summary: 'Cancel a queued or running job (kills ffmpeg) and delete its files; with ?purge=true, delete a finished job and its outputs (204; its usage stays in the ledger)',
    responses: { 200: jobViewSchema, 204: { description: 'Purged (`?purge=true`)' } },
    errors: ['JOB_NOT_FOUND', 'JOB_NOT_CANCELABLE', 'JOB_NOT_FINISHED'],
  })
  async cancel(@CurrentUser() user: Principal, @IdParam('id', 'JOB_NOT_FOUND', 'Job not found') id: string, @Query() q: DeleteJobQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    if (!q.purge) return this.cancels.cancel(user.userId, id);
    await this.purges.purge(user.userId, id);
    res.status(204);
    return undefined;
  }
}
