import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createHttpApp } from '@clipyard/observability';
import { setToolNiceness } from '@clipyard/media';
import { WorkerAppModule } from './app.module';
import { loadWorkerConfig, type WorkerConfig } from './config';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logDestination?: DestinationStream;
}

/** Builds the media-worker app (RPC server + health/metrics HTTP port) without listening. */
export async function createWorkerApp(opts: BootOptions = {}): Promise<{ app: NestFastifyApplication; config: WorkerConfig }> {
  const config = loadWorkerConfig(opts.env);
  // ffmpeg, ffprobe and yt-dlp at MEDIA_NICE; this process (job pickup, lock renewals) keeps its priority
  setToolNiceness(config.MEDIA_NICE);
  const app = await createHttpApp(WorkerAppModule.forRoot(config, opts.logDestination));
  return { app, config };
}
