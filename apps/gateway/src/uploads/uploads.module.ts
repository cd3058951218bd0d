import { Module } from '@nestjs/common';
import { MediaProbe } from './media-probe';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';
import { UrlImport } from './url-import';

/** Uploads (streamed, probed, capped by the plan) and the URL inputs stored like one. */
@Module({
  controllers: [UploadsController],
  providers: [UploadsRepository, UploadsService, MediaProbe, UrlImport],
  exports: [UploadsRepository, UrlImport],
})
export class UploadsModule {}
