import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Scopes, type Principal } from '../auth/principal';
import { UploadsService } from './uploads.service';

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

  @Get(':id')
  @Scopes('files:read')
  @ApiOperation({ summary: 'Metadata of one of your uploads' })
  get(@CurrentUser() user: Principal, @Param('id') id: string) {
    return this.uploads.get(user.userId, id);
  }
}
