import { Global, Module, type DynamicModule } from '@nestjs/common';
import { FfmpegMediaTools, MediaTools } from './media.service';
import type { MediaConfig } from './media.config';

/** Provides `MediaTools` (ffmpeg/ffprobe) to an app. */
@Global()
@Module({})
export class MediaModule {
  static forRoot(config: MediaConfig): DynamicModule {
    return {
      module: MediaModule,
      providers: [{ provide: MediaTools, useFactory: () => new FfmpegMediaTools(config) }],
      exports: [MediaTools],
    };
  }
}
