import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JobType } from '@clipyard/database';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { JobSubmissionService } from './job-submission.service';
import { JobsQueryService } from './jobs-query.service';
import { JobCancelService } from './job-cancel.service';
import { HooksJobDto, ListJobsQueryDto, OverlayJobDto, ShortsJobDto, TranscribeJobDto, TrimJobDto } from './jobs.dto';
import { etagMatches, jobEtag, type JobView } from './job.presenter';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { Inject } from '@nestjs/common';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Stripe semantics, kept 24 h' };

@ApiTags('jobs')
@ApiSecurity('api-key')
@ApiSecurity('bearer')
@Controller('v1/jobs')
export class JobsController {
  constructor(
    private readonly submission: JobSubmissionService,
    private readonly query: JobsQueryService,
    private readonly cancels: JobCancelService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('trim')
  @Scopes('jobs:write')
  @ApiOperation({ summary: 'Trim a video (fast: stream copy; precise: re-encode), optionally 9:16' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  trim(@CurrentUser() user: Principal, @Body() body: TrimJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('trim', user, body, req, res);
  }

  @Post('overlay')
  @Scopes('jobs:write')
  @ApiOperation({ summary: 'Draw text on an image or video with a template' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  overlay(@CurrentUser() user: Principal, @Body() body: OverlayJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('overlay', user, body, req, res);
  }

  @Post('transcribe')
  @Scopes('jobs:write')
  @ApiOperation({ summary: "Transcribe (or translate to English) speech with your provider key → JSON, TXT, SRT, VTT" })
  @ApiHeader(IDEMPOTENCY_HEADER)
  transcribe(@CurrentUser() user: Principal, @Body() body: TranscribeJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('transcribe', user, body, req, res);
  }

  @Post('hooks')
  @Scopes('jobs:write')
  @ApiOperation({ summary: 'Find the best moments for short clips with your own language-model key → hooks.json' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  hooks(@CurrentUser() user: Principal, @Body() body: HooksJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('hooks', user, body, req, res);
  }

  @Post('shorts')
  @Scopes('jobs:write')
  @ApiOperation({ summary: 'Hooks rendered as vertical clips with burned captions, in one job (transcribe → hooks → clips)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  shorts(@CurrentUser() user: Principal, @Body() body: ShortsJobDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.submit('shorts', user, body, req, res);
  }

  /** Shared by every submission route (the transcribe route uses it too). */
  async submit(type: JobType, user: Principal, params: object, req: FastifyRequest, res: FastifyReply): Promise<unknown> {
    const key = req.headers['idempotency-key'];
    const out = await this.submission.submit({
      userId: user.userId,
      type,
      params: params as never,
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
  @ApiOperation({ summary: 'List your jobs, newest first (cursor pagination)' })
  list(@CurrentUser() user: Principal, @Query() q: ListJobsQueryDto) {
    return this.query.list(user.userId, q);
  }

  @Get('stats')
  @Scopes('jobs:read')
  @ApiOperation({ summary: 'Counts of your jobs by status and type, and the success rate' })
  stats(@CurrentUser() user: Principal) {
    return this.query.stats(user.userId);
  }

  /** The polling hot path: one indexed read, no RPC; ETag/304 and Retry-After while running. */
  @Get(':id')
  @Scopes('jobs:read')
  @ApiOperation({ summary: 'Poll a job (ETag / If-None-Match → 304; Retry-After while running)' })
  async get(
    @CurrentUser() user: Principal,
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JobView | undefined> {
    const job = await this.query.get(user.userId, id);
    const etag = jobEtag(job);
    res.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    if (job.status === 'queued' || job.status === 'active') res.header('Retry-After', String(this.config.JOB_POLL_RETRY_AFTER_S));
    if (etagMatches(ifNoneMatch, etag)) {
      res.status(304);
      return undefined;
    }
    return this.query.present(job);
  }

  @Delete(':id')
  @Scopes('jobs:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a queued or running job (kills ffmpeg) and delete its files' })
  cancel(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.cancels.cancel(user.userId, id);
  }
}
