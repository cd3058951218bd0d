import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { DownloadsController } from './downloads.controller';
import { DownloadsService } from './downloads.service';

/** Output downloads (Range) and time-limited signed links. */
@Module({ imports: [JobsModule], controllers: [DownloadsController], providers: [DownloadsService] })
export class DownloadsModule {}
