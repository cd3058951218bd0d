import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@clipyard/observability';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { DownloadsService } from './downloads.service';
import { ApiRoute } from '../openapi/api-route.decorator';
import { binaryContent } from '../openapi/schemas';
import { signedUrlSchema } from '../jobs/jobs.dto';
import { IdParam } from '../http/id.pipe';

@ApiTags('jobs')
@Controller()
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Get('v1/jobs/:id/outputs/:name')
  @Scopes('files:read')
  @ApiSecurity('api-key')
  @ApiSecurity('bearer')
  @ApiRoute({
    id: 'jobs.downloadOutput',
    summary: 'Download an output of your job (supports Range)',
    headers: { Range: { description: 'A single byte range (`bytes=0-1023`)' } },
    responses: {
      200: { description: 'The file', content: binaryContent, headers: { 'Content-Disposition': 'attachment; filename=…', 'Accept-Ranges': 'bytes' } },
      206: { description: 'The requested range', content: binaryContent, headers: { 'Content-Range': 'bytes start-end/size' } },
    },
    errors: ['JOB_NOT_FOUND', 'OUTPUT_NOT_FOUND', 'OUTPUT_EXPIRED', 'RANGE_NOT_SATISFIABLE', 'FEATURE_NOT_IN_PLAN'],
  })
  async download(
    @CurrentUser() user: Principal,
    @IdParam('id', 'JOB_NOT_FOUND', 'Job not found') id: string,
    @Param('name') name: string,
    @Headers('range') range: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const out = await this.downloads.output(user.userId, id, name);
    await this.downloads.stream(out.key, out.name, range, res, 'owner');
  }

  @Get('v1/jobs/:id/outputs/:name/url')
  @Scopes('files:read')
  @ApiSecurity('api-key')
  @ApiSecurity('bearer')
  @ApiRoute({
    id: 'jobs.outputUrl',
    summary: 'A time-limited signed URL for an output (presigned on S3, HMAC-signed locally)',
    responses: { 200: signedUrlSchema },
    errors: ['JOB_NOT_FOUND', 'OUTPUT_NOT_FOUND', 'OUTPUT_EXPIRED', 'FEATURE_NOT_IN_PLAN'],
  })
  signedUrl(@CurrentUser() user: Principal, @IdParam('id', 'JOB_NOT_FOUND', 'Job not found') id: string, @Param('name') name: string) {
    return this.downloads.signedUrl(user.userId, id, name);
  }

  /** Local-storage signed links: no credentials, the HMAC signature and expiry are the credential. */
  @Public()
  @Get('v1/files/:token')
  @ApiExcludeEndpoint()
  async signed(
    @Param('token') token: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Headers('range') range: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const granted = this.downloads.verifyLocal(token, exp, sig);
    await this.downloads.stream(granted.key, granted.name, range, res, 'signed');
  }
}
