import { Injectable } from '@nestjs/common';
import { AppError, DEFAULT_CHAT_MODELS, providersFor, type ProviderId } from '@clipyard/contracts';
import { RpcClient } from '@clipyard/queue';

export interface ChatChoice {
  ai_provider: ProviderId;
  ai_model: string;
}

/**
 * Decides at submission which of the owner's keys runs a hooks job's language model, and which
 * model, so a job that cannot run is refused before anything is reserved: the requested provider
 * (it must have a stored key), else the first configured chat provider; the requested model, else
 * the provider's default (openai_compatible has none: the job must name one).
 */
@Injectable()
export class ChatSource {
  constructor(private readonly rpc: RpcClient) {}

  async choose(userId: string, want: { provider?: string; model?: string }): Promise<ChatChoice> {
    const chat = providersFor('chat');
    const list = (await this.rpc.call('auth.providerKey.list', { userId })) as { data: { provider: string }[] };
    const configured = new Set(list.data.map((k) => k.provider));
    const provider = (want.provider ? (configured.has(want.provider) ? want.provider : undefined) : chat.find((p) => configured.has(p))) as ProviderId | undefined;
    if (!provider) {
      throw new AppError(
        'NO_CHAT_PROVIDER_KEY',
        want.provider
          ? `No ${want.provider} key is stored: add one with PUT /v1/provider-keys/${want.provider}`
          : `No language-model key is stored: add one of ${chat.join(', ')} with PUT /v1/provider-keys/{provider}`,
        { issues: [{ path: 'provider', message: 'no provider key configured' }] },
      );
    }
    const model = want.model ?? DEFAULT_CHAT_MODELS[provider];
    if (!model) {
      throw new AppError('VALIDATION_FAILED', 'Invalid model', { issues: [{ path: 'model', message: `required with ${provider} (its models are its own)` }] });
    }
    return { ai_provider: provider, ai_model: model };
  }
}
