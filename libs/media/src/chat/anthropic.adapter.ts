import { ProviderError, providerHttpError } from '../provider-http';
import type { AdapterAnswer, AdapterCall, ChatAdapter } from './chat.types';
import { parse, trimBase } from './openai.adapter';
import { postJson } from './post-json';

export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Anthropic Messages API, `POST {base}/messages` with `x-api-key`: `json_schema` forces one tool
 * call whose `input_schema` is the schema (Anthropic's way to get structured output); `json` asks
 * for the JSON in the text, with the schema in the system prompt.
 */
export class AnthropicChatAdapter implements ChatAdapter {
  readonly api = 'anthropic' as const;

  async send(call: AdapterCall, timeoutMs: number): Promise<AdapterAnswer> {
    const tool = call.mode === 'json_schema';
    const body = {
      model: call.model,
      system: call.system,
      messages: call.messages,
      max_tokens: call.maxOutputTokens,
      temperature: call.temperature,
      ...(tool
        ? {
            tools: [{ name: call.schemaName, description: 'Report the answer with this tool.', input_schema: call.jsonSchema }],
            tool_choice: { type: 'tool', name: call.schemaName },
          }
        : {}),
    };
    const headers = { 'x-api-key': call.apiKey, 'anthropic-version': ANTHROPIC_VERSION };
    const { res, text } = await postJson(`${trimBase(call.baseUrl)}/messages`, headers, body, call.signal, timeoutMs, call.urlPolicy);
    if (!res.ok) throw providerHttpError(res, text, call.apiKey);
    const j = parse(text) as {
      content?: ({ type: 'text'; text: string } | { type: 'tool_use'; name: string; input: unknown })[];
      usage?: { input_tokens?: number; output_tokens?: number };
      stop_reason?: string;
    };
    if (!Array.isArray(j.content)) throw new ProviderError('PROVIDER_UNAVAILABLE', 'The provider answered without content', true, { status: res.status });
    const use = j.content.find((c) => c.type === 'tool_use');
    const answer = use && 'input' in use ? JSON.stringify(use.input) : j.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
    return {
      text: answer,
      usage: { inputTokens: j.usage?.input_tokens ?? 0, outputTokens: j.usage?.output_tokens ?? 0 },
      truncated: j.stop_reason === 'max_tokens',
    };
  }
}
