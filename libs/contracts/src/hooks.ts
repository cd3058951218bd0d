import { registerErrorCodes } from './errors';
import type { ProviderId } from './auth';

/** Hook detection and language-model calls: error codes and default models per provider. */
registerErrorCodes({
  /** The model's answer did not match the expected JSON, even after one repair turn. */
  MODEL_OUTPUT_INVALID: 502,
  /** The user has no provider key that can run a language model. */
  NO_CHAT_PROVIDER_KEY: 400,
  /** The transcript holds no speech to find hooks in. */
  NO_SPEECH: 422,
  /** A `{video_page_url}` input on a server without VIDEO_PAGE_INPUTS=true. */
  VIDEO_PAGE_INPUTS_DISABLED: 422,
  /** The worker cannot read video pages (yt-dlp missing): an operator problem. */
  VIDEO_PAGE_UNAVAILABLE: 503,
});

/**
 * Model used when a hooks job names none. `openai_compatible` has no default: the server's models
 * are its own, so the job must name one.
 */
export const DEFAULT_CHAT_MODELS: Partial<Record<ProviderId, string>> = {
  openai: 'gpt-4o-mini',
  groq: 'llama-3.3-70b-versatile',
  anthropic: 'claude-3-5-haiku-latest',
};
