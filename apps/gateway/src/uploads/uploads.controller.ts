import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { ListUploadsQueryDto } from './uploads.dto';
import { UploadsService } from './uploads.service';
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
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a media file (multipart field "file"); checked with ffprobe' })
  upload(@CurrentUser() user: Principal, @Req() req: FastifyRequest) {
    return this.uploads.upload(user.userId, req);
  }

  @Get()
  @Scopes('files:read')
  @ApiOperation({ summary: 'List your uploads, newest first (cursor pagination); expired and deleted ones are gone' })
  list(@CurrentUser() user: Principal, @Query() q: ListUploadsQueryDto) {
    return this.uploads.list(user.userId, q);
  }

  @Get(':id')
  @Scopes('files:read')
  @ApiOperation({ summary: 'Metadata of one of your uploads' })
  get(@CurrentUser() user: Principal, @IdParam('id', 'UPLOAD_NOT_FOUND', 'Upload not found') id: string) {
    return this.uploads.get(user.userId, id);
  }

  @Delete(':id')
  @Scopes('files:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your uploads (its bytes at once); 409 UPLOAD_IN_USE while a queued or running job reads it' })
  async remove(@CurrentUser() user: Principal, @IdParam('id', 'UPLOAD_NOT_FOUND', 'Upload not found') id: string): Promise<void> {
    await this.uploads.remove(user.userId, id);
  }
}
