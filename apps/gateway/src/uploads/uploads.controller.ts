import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { ListUploadsQueryDto, uploadBodyContent, uploadListSchema, uploadViewSchema } from './uploads.dto';
import { UploadsService } from './uploads.service';
import { ApiRoute } from '../openapi/api-route.decorator';
import { IdParam } from '../http/id.pipe';

@ApiTags('uploads')
@ApiSecurity('api-key')
@ApiSecurity('bearer')
@Controller('v1/uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @Scopes('files:write')
  @HttpCode(201)
  @ApiRoute({
    id: 'uploads.create',
    summary: 'Upload a media file (multipart field "file"); checked with ffprobe',
    description: 'The file is probed before it is kept: a file ffprobe cannot read is refused with 422 `UNSUPPORTED_MEDIA`; a server without ffprobe answers 503 `MEDIA_TOOLS_UNAVAILABLE`.',
    body: { content: uploadBodyContent },
    responses: { 201: uploadViewSchema },
    errors: ['FILE_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'MEDIA_TOO_LONG', 'FEATURE_NOT_IN_PLAN', 'QUOTA_EXCEEDED', 'BAD_REQUEST', 'REQUEST_TIMEOUT', 'MEDIA_TOOLS_UNAVAILABLE'],
  })
  upload(@CurrentUser() user: Principal, @Req() req: FastifyRequest) {
    return this.uploads.upload(user.userId, req);
  }

  @Get()
  @Scopes('files:read')
  @ApiRoute({ id: 'uploads.list', summary: 'List your uploads, newest first (cursor pagination); expired and deleted ones are gone', responses: { 200: uploadListSchema } })
  list(@CurrentUser() user: Principal, @Query() q: ListUploadsQueryDto) {
    return this.uploads.list(user.userId, q);
  }

  @Get(':id')
  @Scopes('files:read')
  @ApiRoute({ id: 'uploads.get', summary: 'Metadata of one of your uploads', responses: { 200: uploadViewSchema }, errors: ['UPLOAD_NOT_FOUND'] })
  get(@CurrentUser() user: Principal, @IdParam('id', 'UPLOAD_NOT_FOUND', 'Upload not found') id: string) {
    return this.uploads.get(user.userId, id);
  }

  @Delete(':id')
  @Scopes('files:write')
  @HttpCode(204)
  @ApiRoute({
    id: 'uploads.delete',
    summary: 'Delete one of your uploads (its bytes at once)',
    description: '409 `UPLOAD_IN_USE` while a queued or running job reads it.',
    responses: { 204: null },
    errors: ['UPLOAD_NOT_FOUND', 'UPLOAD_IN_USE'],
  })
  async remove(@CurrentUser() user: Principal, @IdParam('id', 'UPLOAD_NOT_FOUND', 'Upload not found') id: string): Promise<void> {
    await this.uploads.remove(user.userId, id);
  }
}
