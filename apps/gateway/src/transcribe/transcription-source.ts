import { Injectable } from '@nestjs/common';
import { AppError, providerCapabilities, providersFor } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';

/** Order in which a user's providers are tried when the job names none. */
export const PROVIDER_PREFERENCE: string[] = providersFor('transcription');

export interface TranscriptionSourceChoice {
  key_source: 'user' | 'platform';
  provider: string;
}

/**
 * Decides at submission whose key a transcription will use, so a job that cannot run is refused
 * before it is queued: the owner's key for the requested (or first configured) provider; else the
 * platform's key when the plan has `platform_transcription`; else 400 NO_PROVIDER_KEY. Also refuses
 * `diarization` (422, naming the field) where the chosen provider cannot do it.
 */
@Injectable()
export class TranscriptionSource {
  constructor(private readonly rpc: RpcClient) {}

  async choose(
    userId: string,
    want: { provider?: string; diarization?: boolean; translate_to_english?: boolean },
    planFeatures: string[],
  ): Promise<TranscriptionSourceChoice> {
    if (want.provider && !PROVIDER_PREFERENCE.includes(want.provider)) {
      throw invalid('provider', `${want.provider} keys serve language models, not transcription (use ${PROVIDER_PREFERENCE.join(', ')})`);
    }
    const list = (await this.rpc.call('auth.providerKey.list', { userId })) as { data: { provider: string }[] };
    // only keys that can transcribe (an anthropic key cannot)
    const configured = new Set(list.data.map((k) => k.provider).filter((p) => PROVIDER_PREFERENCE.includes(p)));
    let choice: TranscriptionSourceChoice | undefined;
    if (want.provider) {
      if (configured.has(want.provider)) choice = { key_source: 'user', provider: want.provider };
    } else {
      const provider = PROVIDER_PREFERENCE.find((p) => configured.has(p)) ?? [...configured][0];
      if (provider) choice = { key_source: 'user', provider };
    }
    if (!choice && planFeatures.includes('platform_transcription') && (!want.provider || want.provider === 'openai')) {
      choice = { key_source: 'platform', provider: 'openai' };
    }
    if (!choice) {
      throw new AppError(
        'NO_PROVIDER_KEY',
        want.provider
          ? `No ${want.provider} key is stored: add one with PUT /v1/provider-keys/${want.provider}`
          : 'No provider key is stored: add one with PUT /v1/provider-keys/{provider}',
        { issues: [{ path: 'provider', message: 'no provider key configured' }] },
      );
    }
    if (want.diarization && !providerCapabilities(choice.provider).diarization) {
      throw invalid('diarization', `diarization is not supported by the ${choice.provider} provider`);
    }
    if (want.diarization && want.translate_to_english) {
      throw invalid('diarization', 'diarization cannot be combined with translate_to_english');
    }
    return choice;
  }
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `Invalid ${path}`, { issues: [{ path, message }] });
