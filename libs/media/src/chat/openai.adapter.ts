import { ProviderError, providerHttpError } from '../provider-http';
import type { AdapterAnswer, AdapterCall, ChatAdapter } from './chat.types';
import { postJson } from './post-json';

/**
 * OpenAI-compatible `POST {base}/chat/completions` (OpenAI, Groq, OpenRouter, vLLM, Ollama):
 * `json_schema` asks for `response_format: {type: json_schema}`; `json` for JSON mode
 * (`{type: json_object}`) with the schema spelled out in the system prompt.
 */
export class OpenAIChatAdapter implements ChatAdapter {
  readonly api = 'openai' as const;

  async send(call: AdapterCall, timeoutMs: number): Promise<AdapterAnswer> {
    const body = {
      model: call.model,
      messages: [{ role: 'system', content: call.system }, ...call.messages],
      max_tokens: call.maxOutputTokens,
      temperature: call.temperature,
      response_format:
        call.mode === 'json_schema'
          ? { type: 'json_schema', json_schema: { name: call.schemaName, schema: call.jsonSchema, strict: true } }
          : { type: 'json_object' },
    };
    const { res, text } = await postJson(`${trimBase(call.baseUrl)}/chat/completions`, { authorization: `Bearer ${call.apiKey}` }, body, call.signal, timeoutMs, call.urlPolicy);
    if (!res.ok) throw providerHttpError(res, text, call.apiKey);
    const j = parse(text) as {
      choices?: { message?: { content?: string | null; refusal?: string | null }; finish_reason?: string }[];
      usage?: { prompt_tokens?: number; completion_tokens?: number };
    };
    const choice = j.choices?.[0];
    if (!choice?.message) throw new ProviderError('PROVIDER_UNAVAILABLE', 'The provider answered without a message', true, { status: res.status });
    if (choice.message.refusal) {
      throw new ProviderError('PROVIDER_REQUEST_REJECTED', 'The model refused the request', false, { status: res.status, providerMessage: String(choice.message.refusal).slice(0, 300) });
    }
    return {
      text: choice.message.content ?? '',
      usage: { inputTokens: j.usage?.prompt_tokens ?? 0, outputTokens: j.usage?.completion_tokens ?? 0 },
      truncated: choice.finish_reason === 'length',
    };
  }
}

export const trimBase = (u: string) => u.replace(/\/+$/, '');

export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError('PROVIDER_UNAVAILABLE', 'The provider answered with something that is not JSON', true);
  }
}
