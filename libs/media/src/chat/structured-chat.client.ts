import { z } from 'zod';
import { ProviderError, providerFetchError, withProviderRetries, type RetryOptions } from '../provider-http';
import { AnthropicChatAdapter } from './anthropic.adapter';
import type { AdapterAnswer, ChatAdapter, ChatApi, ChatClient, ChatMessage, StructuredMode, StructuredRequest, StructuredResult, TokenUsage } from './chat.types';
import { OpenAIChatAdapter } from './openai.adapter';

export interface ChatClientOptions extends RetryOptions {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Output token cap when the request gives none. */
  maxOutputTokens: number;
}

/**
 * Structured answers from OpenAI-compatible or Anthropic models with plain fetch. Asks for the
 * JSON Schema natively first; a server that refuses it with a 400 (many compatible servers do) is
 * asked again in JSON mode with the schema in the prompt, and remembered for the process. The
 * answer is validated with zod; an invalid one gets exactly one repair turn. 429/5xx/timeouts are
 * retried per call honouring Retry-After; 401/403 are PROVIDER_KEY_REJECTED at once.
 */
export class StructuredChatClient implements ChatClient {
  private readonly adapters: Record<ChatApi, ChatAdapter>;
  /** `api base model` that refused json_schema: later calls go straight to JSON mode. */
  private readonly noSchema = new Set<string>();

  constructor(
    private readonly opts: ChatClientOptions,
    adapters: ChatAdapter[] = [new OpenAIChatAdapter(), new AnthropicChatAdapter()],
  ) {
    this.adapters = Object.fromEntries(adapters.map((a) => [a.api, a])) as Record<ChatApi, ChatAdapter>;
  }

  async complete<T>(req: StructuredRequest<T>): Promise<StructuredResult<T>> {
    const adapter = this.adapters[req.api];
    if (!adapter) throw new Error(`no chat adapter for ${req.api}`);
    const jsonSchema = toJsonSchema(req.schema);
    const signal = req.signal ?? new AbortController().signal;
    const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let calls = 0;
    const memo = `${req.api} ${req.baseUrl} ${req.model}`;
    let mode: StructuredMode = this.noSchema.has(memo) ? 'json' : 'json_schema';

    const send = async (m: StructuredMode, messages: ChatMessage[]): Promise<AdapterAnswer> => {
      const system = m === 'json' ? `${req.system}\n\n${schemaInstructions(jsonSchema)}` : req.system;
      const a = await withProviderRetries(
        this.opts,
        signal,
        (err) => providerFetchError(err, this.opts.timeoutMs, req.apiKey, signal),
        () =>
          adapter.send(
            {
              baseUrl: req.baseUrl,
              urlPolicy: req.urlPolicy,
              apiKey: req.apiKey,
              model: req.model,
              system,
              messages,
              mode: m,
              schemaName: req.schemaName,
              jsonSchema,
              maxOutputTokens: req.maxOutputTokens ?? this.opts.maxOutputTokens,
              temperature: req.temperature ?? 0.2,
              signal,
            },
            this.opts.timeoutMs,
          ),
      );
      calls++;
      usage.inputTokens += a.usage.inputTokens;
      usage.outputTokens += a.usage.outputTokens;
      return a;
    };

    const messages: ChatMessage[] = [{ role: 'user', content: req.prompt }];
    let answer: AdapterAnswer;
    try {
      answer = await send(mode, messages);
    } catch (err) {
      if (mode !== 'json_schema' || !refusedSchema(err)) throw err;
      this.noSchema.add(memo);
      mode = 'json';
      answer = await send(mode, messages);
    }
    let checked = validate(answer.text, req.schema);
    if (checked.ok) return { data: checked.data, usage, mode, calls, repaired: false };

    const repair: ChatMessage[] = [
      ...messages,
      { role: 'assistant', content: answer.text.slice(0, 20_000) || '(empty)' },
      {
        role: 'user',
        content: `That answer is not valid${answer.truncated ? ' (it was cut off: keep it shorter)' : ''}: ${checked.error}. Reply again with only the JSON object, following the schema exactly.`,
      },
    ];
    answer = await send(mode, repair);
    checked = validate(answer.text, req.schema);
    if (checked.ok) return { data: checked.data, usage, mode, calls, repaired: true };
    throw new ProviderError('MODEL_OUTPUT_INVALID', `The model's answer did not match the expected format after a repair attempt: ${checked.error}`, false, {
      usage,
      calls,
    });
  }
}

/** A 400 to a json_schema request: the server does not do structured outputs (or not this schema). */
function refusedSchema(err: unknown): boolean {
  return err instanceof ProviderError && err.code === 'PROVIDER_REQUEST_REJECTED' && (err.details?.status === 400 || err.details?.status === 422);
}

export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function schemaInstructions(jsonSchema: Record<string, unknown>): string {
  return `Answer with one JSON object and nothing else (no prose, no code fences). It must follow this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
}

/** The JSON object in a model's text (tolerating code fences or a sentence around it), validated. */
export function validate<T>(text: string, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; error: string } {
  const s = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  const from = s.indexOf('{');
  const to = s.lastIndexOf('}');
  if (from < 0 || to < from) return { ok: false, error: 'no JSON object found' };
  let value: unknown;
  try {
    value = JSON.parse(s.slice(from, to + 1));
  } catch (e) {
    return { ok: false, error: `invalid JSON (${(e as Error).message.slice(0, 120)})` };
  }
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    error: r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; '),
  };
}
