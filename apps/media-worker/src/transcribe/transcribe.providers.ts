import { ProviderCredentials } from './provider-credentials';
import { SubtitlesStep } from './subtitles.step';
import { TranscriptionRunner } from './transcription.runner';

/** Services behind the transcribe processor and the subtitled trim. */
export const TRANSCRIBE_PROVIDERS = [ProviderCredentials, TranscriptionRunner, SubtitlesStep];
