import type { Type } from '@nestjs/common';
import type { JobProcessor } from './jobs/processor';
import { TrimProcessor } from './trim/trim.processor';
import { OverlayProcessor } from './overlay/overlay.processor';
import { TranscribeProcessor } from './transcribe/transcribe.processor';
import { HooksProcessor } from './hooks/hooks.processor';
import { ShortsProcessor } from './hooks/shorts.processor';

/**
 * Every media job processor (one per job name). To add a queue's processor, add its class here
 * (e.g. `TranscribeProcessor` from ./transcribe/); the worker checks coverage at boot.
 */
export const PROCESSOR_CLASSES: Array<Type<JobProcessor>> = [
  TrimProcessor,
  OverlayProcessor,
  TranscribeProcessor,
  HooksProcessor,
  ShortsProcessor,
];
