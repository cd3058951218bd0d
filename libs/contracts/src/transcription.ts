import { registerErrorCodes } from './errors';

/**
 * Transcription: error codes and what each provider can do. Provider keys themselves belong to
 * the auth app; this table only says which request options a provider's API understands.
 */
registerErrorCodes({
  /** The user has no provider key and the plan has no `platform_transcription`. */
  NO_PROVIDER_KEY: 400,
  /** The provider answered 401/403 to the user's key (unrecoverable; the key's last_error says so). */
  PROVIDER_KEY_REJECTED: 424,
  /** The provider kept answering 429 after every retry. */
  PROVIDER_RATE_LIMITED: 429,
  /** The provider kept answering 5xx, or could not be reached. */
  PROVIDER_UNAVAILABLE: 502,
  /** The provider did not answer within the per-request timeout. */
  PROVIDER_TIMEOUT: 504,
  /** The provider refused the request itself (4xx other than auth and rate limits). */
  PROVIDER_REQUEST_REJECTED: 422,
  /** The input has no audio stream to transcribe. */
  NO_AUDIO_STREAM: 422,
  /** Burning the captions into a subtitled trim failed. */
  SUBTITLES_FAILED: 500,
});

export interface TranscriptionProviderCapabilities {
  /** Speaker labels (OpenAI's `gpt-4o-transcribe-diarize` with `diarized_json`). */
  diarization: boolean;
  /** `/audio/translations` (to English). */
  translation: boolean;
  /** `timestamp_granularities[]=word` with verbose_json. */
  wordTimestamps: boolean;
  /** Largest upload the provider accepts, in bytes. */
  maxUploadBytes: number;
  /** Model used when a diarization is requested. */
  diarizationModel?: string;
}

const MB = 1024 * 1024;
export const TRANSCRIPTION_PROVIDERS: Record<string, TranscriptionProviderCapabilities> = {
  openai: { diarization: true, translation: true, wordTimestamps: true, maxUploadBytes: 25 * MB, diarizationModel: 'gpt-4o-transcribe-diarize' },
  groq: { diarization: false, translation: true, wordTimestamps: true, maxUploadBytes: 25 * MB },
  openai_compatible: { diarization: false, translation: true, wordTimestamps: true, maxUploadBytes: 25 * MB },
};

/** Capabilities of a provider; unknown providers get the conservative OpenAI-compatible set. */
export const providerCapabilities = (provider: string): TranscriptionProviderCapabilities =>
  TRANSCRIPTION_PROVIDERS[provider] ?? TRANSCRIPTION_PROVIDERS.openai_compatible;
