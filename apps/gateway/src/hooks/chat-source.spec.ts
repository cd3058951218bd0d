import type { RpcClient } from '@clipyard/queue';
import { ChatSource } from './chat-source';

const withKeys = (...providers: string[]) =>
  new ChatSource({ call: async () => ({ data: providers.map((provider) => ({ provider })) }) } as unknown as RpcClient);
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => `${e.code}:${e.details?.issues?.[0]?.path ?? ''}`);

describe('ChatSource', () => {
  it('uses the requested provider, else the first configured chat provider, with its default model', async () => {
    expect(await withKeys('anthropic').choose('u', {})).toEqual({ ai_provider: 'anthropic', ai_model: 'claude-3-5-haiku-latest' });
    expect(await withKeys('anthropic', 'openai').choose('u', {})).toEqual({ ai_provider: 'openai', ai_model: 'gpt-4o-mini' });
    expect(await withKeys('anthropic', 'openai').choose('u', { provider: 'anthropic', model: 'claude-x' })).toEqual({ ai_provider: 'anthropic', ai_model: 'claude-x' });
  });

  it('refuses without a key for the provider, and openai_compatible without a model', async () => {
    expect(await codeOf(withKeys().choose('u', {}))).toBe('NO_CHAT_PROVIDER_KEY:provider');
    expect(await codeOf(withKeys('openai').choose('u', { provider: 'anthropic' }))).toBe('NO_CHAT_PROVIDER_KEY:provider');
    expect(await codeOf(withKeys('openai_compatible').choose('u', {}))).toBe('VALIDATION_FAILED:model');
    expect(await withKeys('openai_compatible').choose('u', { model: 'llama3' })).toEqual({ ai_provider: 'openai_compatible', ai_model: 'llama3' });
  });
});
