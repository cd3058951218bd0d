import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { MEDIA_TOOLS_INSTALL, missingMediaTools } from '@clipyard/media';
import { ROOT_LOGGER, type HealthCheck } from '@clipyard/observability';
import { WORKER_CONFIG, type WorkerConfig } from '../config';

const FRESH_MS = 30_000;
let cached: { at: number; missing: Promise<string[]> } | undefined;

/** ffmpeg, ffprobe and the overlay font, checked at most every 30 s (readiness and pings ask often). */
export function workerMissingTools(config: Pick<WorkerConfig, 'FFMPEG_PATH' | 'FFPROBE_PATH' | 'MEDIA_FONT_FILE'>): Promise<string[]> {
  if (!cached || Date.now() - cached.at > FRESH_MS) {
    cached = { at: Date.now(), missing: missingMediaTools({ ffmpeg: config.FFMPEG_PATH, ffprobe: config.FFPROBE_PATH, font: config.MEDIA_FONT_FILE }) };
  }
  return cached.missing;
}

/**
 * `/health/ready` check `ffmpeg`: down while ffmpeg, ffprobe or the font is missing. Checked at boot
 * too, so a worker without them says so in its first lines instead of failing every job later.
 */
@Injectable()
export class MediaToolsHealth implements HealthCheck, OnApplicationBootstrap {
  readonly name = 'ffmpeg';

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = await workerMissingTools(this.config);
    if (missing.length) {
      this.logger.error({ missing }, `media tools missing: ${missing.join(', ')}; media jobs cannot run. Install them: ${MEDIA_TOOLS_INSTALL}`);
    }
  }

  async check(): Promise<void> {
    const missing = await workerMissingTools(this.config);
    if (missing.length) throw new Error(`missing ${missing.join(', ')} (install: ${MEDIA_TOOLS_INSTALL})`);
  }
}
