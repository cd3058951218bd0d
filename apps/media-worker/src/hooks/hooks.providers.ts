import { chatClientFactory, HookFinder } from './hook-finder';
import { TranscriptStep } from './transcript.step';

/** What the hooks and shorts processors need besides the transcription providers. */
export const HOOKS_PROVIDERS = [chatClientFactory, HookFinder, TranscriptStep];
