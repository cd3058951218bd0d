import type { Type } from '@nestjs/common';
import type { MediaJobName } from '@clipyard/contracts';
import type { JobProcessor } from './jobs/processor';
import { TrimProcessor } from './trim/trim.processor';
import { OverlayProcessor } from './overlay/overlay.processor';
import { TranscribeProcessor } from './transcribe/transcribe.processor';
import { HooksProcessor } from './hooks/hooks.processor';
import { ShortsProcessor } from './hooks/shorts.processor';

/**
 * The processor of every MEDIA_JOBS kind: a kind without one here does not compile, and the
 * worker checks again at boot that every job name of a consumed queue has exactly one handler.
 */
export const PROCESSORS: { [N in MediaJobName]: Type<JobProcessor<N>> } = {
  trim: TrimProcessor,
  overlay: OverlayProcessor,
  transcribe: TranscribeProcessor,
  hooks: HooksProcessor,
  shorts: ShortsProcessor,
};
export const PROCESSOR_CLASSES: Type[] = Object.values(PROCESSORS);
