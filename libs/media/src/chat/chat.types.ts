import type { UrlPolicy } from '@clipyard/security';
import type { z } from 'zod';

/** Which wire protocol a provider speaks for chat. */
export type ChatApi = 'openai' | 'anthropic';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * How structured output was asked for: `json_schema` (OpenAI `response_format` json_schema, or an
 * Anthropic forced tool call), `json` (JSON mode / plain text with the schema in the prompt).
 */
export type StructuredMode = 'json_schema' | 'json';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** One HTTP call as an adapter makes it. */
export interface AdapterCall {
  baseUrl: string;
  /** The URL policy a user's base URL is called under (pinned connection); unset for the operator's own. */
  urlPolicy?: UrlPolicy;
  /** The decrypted key: used for the auth header only; never logged or echoed. */
  apiKey: string;
  model: string;
  system: string;
  messages: ChatMessage[];
  mode: StructuredMode;
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  maxOutputTokens: number;
  temperature: number;
  signal: AbortSignal;
}

export interface AdapterAnswer {
  /** The model's answer as JSON text (a tool call's input is serialised). */
  text: string;
  usage: TokenUsage;
  /** The model stopped at the output token limit. */
  truncated: boolean;
}

/** One provider protocol: builds the request, calls it, reads the answer. Errors are ProviderErrors. */
export interface ChatAdapter {
  readonly api: ChatApi;
  send(call: AdapterCall, timeoutMs: number): Promise<AdapterAnswer>;
}

export interface StructuredRequest<T> {
  api: ChatApi;
  baseUrl: string;
  /** The URL policy a user's base URL is called under (pinned connection); unset for the operator's own. */
  urlPolicy?: UrlPolicy;
  apiKey: string;
  model: string;
  system: string;
  prompt: string;
  /** Validates (and types) the answer; its JSON Schema is what the model is asked to follow. */
  schema: z.ZodType<T>;
  schemaName: string;
  maxOutputTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface StructuredResult<T> {
  data: T;
  /** Tokens of every call made for this answer (fallbacks and the repair included). */
  usage: TokenUsage;
  /** The mode that produced the answer. */
  mode: StructuredMode;
  /** HTTP calls made (after each one's own 429/5xx retries). */
  calls: number;
  repaired: boolean;
}

/** Structured completions from a language model, behind one interface (fakes implement it in specs). */
export interface ChatClient {
  complete<T>(req: StructuredRequest<T>): Promise<StructuredResult<T>>;
}
