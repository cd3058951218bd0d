import type { RpcClient } from '@clipyard/queue';
import { TranscriptionSource } from './transcription-source';

const withKeys = (...providers: string[]) =>
  new TranscriptionSource({ call: async () => ({ data: providers.map((provider) => ({ provider })) }) } as unknown as RpcClient);
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => `${e.code}:${e.details?.issues?.[0]?.path ?? ''}`);

describe('TranscriptionSource', () => {
  it("uses the requested provider's key, or the first configured in preference order", async () => {
    expect(await withKeys('groq', 'openai').choose('u', {}, [])).toEqual({ key_source: 'user', provider: 'openai' });
    expect(await withKeys('groq', 'openai').choose('u', { provider: 'groq' }, [])).toEqual({ key_source: 'user', provider: 'groq' });
    expect(await withKeys('openai_compatible').choose('u', {}, [])).toEqual({ key_source: 'user', provider: 'openai_compatible' });
  });

  it('falls back to the platform key only with platform_transcription, else NO_PROVIDER_KEY', async () => {
    expect(await codeOf(withKeys().choose('u', {}, ['transcribe']))).toBe('NO_PROVIDER_KEY:provider');
    expect(await withKeys().choose('u', {}, ['platform_transcription'])).toEqual({ key_source: 'platform', provider: 'openai' });
    expect(await codeOf(withKeys('openai').choose('u', { provider: 'groq' }, []))).toBe('NO_PROVIDER_KEY:provider');
    expect(await codeOf(withKeys().choose('u', { provider: 'groq' }, ['platform_transcription']))).toBe('NO_PROVIDER_KEY:provider');
  });

  it('never transcribes with an anthropic key (it serves language models only)', async () => {
    expect(await codeOf(withKeys('anthropic').choose('u', {}, ['transcribe']))).toBe('NO_PROVIDER_KEY:provider');
    expect(await withKeys('anthropic', 'groq').choose('u', {}, [])).toEqual({ key_source: 'user', provider: 'groq' });
    expect(await codeOf(withKeys('anthropic').choose('u', { provider: 'anthropic' }, []))).toBe('VALIDATION_FAILED:provider');
  });

  it('refuses diarization where the provider cannot do it, naming the field', async () => {
    expect(await codeOf(withKeys('groq').choose('u', { diarization: true }, []))).toBe('VALIDATION_FAILED:diarization');
    expect(await withKeys('openai').choose('u', { diarization: true }, [])).toEqual({ key_source: 'user', provider: 'openai' });
    expect(await codeOf(withKeys('openai').choose('u', { diarization: true, translate_to_english: true }, []))).toBe('VALIDATION_FAILED:diarization');
  });
});
