import { Inject, Injectable } from '@nestjs/common';
import { PROVIDERS, type ProviderId } from '@clipyard/contracts';
import {
  chunkTranscript,
  HOOK_SYSTEM_PROMPT,
  hookCandidatesSchema,
  hookPrompt,
  MediaError,
  ProviderError,
  selectHooks,
  StructuredChatClient,
  toAbsolute,
  type ChatClient,
  type Hook,
  type Transcript,
} from '@clipyard/media';
import { Metrics } from '@clipyard/observability';
import type { Counter } from 'prom-client';
import { WORKER_CONFIG, type WorkerConfig } from '../config';
import type { JobContext } from '../jobs/processor';
import { ProviderCredentials } from '../transcribe/provider-credentials';

export interface HookRequest {
  userId: string;
  provider: ProviderId;
  model: string;
  count: number;
  minS: number;
  maxS: number;
  language?: string;
  topics?: string[];
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface HookFinding {
  hooks: Hook[];
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  chunks: number;
  /** Candidates the model proposed before selection. */
  candidates: number;
}

/** The HookRequest of a hooks or shorts job (both kinds take the same hook options). */
export function hookRequest(ctx: JobContext<'hooks'> | JobContext<'shorts'>, onProgress: (fraction: number) => void): HookRequest {
  const p = ctx.payload.params;
  return {
    userId: ctx.payload.userId,
    provider: p.ai_provider,
    model: p.ai_model,
    count: p.count,
    minS: p.min_s,
    maxS: p.max_s,
    language: p.language,
    topics: p.topics,
    signal: ctx.signal,
    onProgress,
  };
}

/** Nest token of the ChatClient (a fake in unit tests). */
export const CHAT_CLIENT = Symbol('CHAT_CLIENT');

export const chatClientFactory = {
  provide: CHAT_CLIENT,
  inject: [WORKER_CONFIG],
  useFactory: (c: WorkerConfig): ChatClient =>
    new StructuredChatClient({
      timeoutMs: c.CHAT_TIMEOUT_MS,
      maxRetries: c.CHAT_MAX_RETRIES,
      baseDelayMs: c.CHAT_RETRY_BASE_MS,
      maxDelayMs: c.CHAT_RETRY_MAX_MS,
      maxOutputTokens: c.CHAT_MAX_OUTPUT,
    }),
};

/**
 * Finds hooks in a transcript with the owner's own model key: the key is opened for the calls only;
 * the transcript goes in overlapping chunks that fit HOOKS_CHUNK_CHARS; each chunk's candidates are
 * made absolute once and the best `count` are selected without overlaps. A rejected key is
 * reported on the key (last_error) and fails the job at once.
 */
@Injectable()
export class HookFinder {
  private readonly calls: Counter<'outcome'>;

  constructor(
    @Inject(CHAT_CLIENT) private readonly chat: ChatClient,
    private readonly credentials: ProviderCredentials,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    metrics: Metrics,
  ) {
    this.calls = metrics.counter('chat_requests_total', 'Language model answers by outcome', ['outcome']);
  }

  async find(transcript: Transcript, r: HookRequest): Promise<HookFinding> {
    const chunks = chunkTranscript(transcript.segments, { maxChars: this.config.HOOKS_CHUNK_CHARS, overlapS: this.config.HOOKS_CHUNK_OVERLAP_S });
    if (!chunks.length) throw new MediaError('NO_SPEECH', 'The transcript has no speech to find hooks in');
    const usage = { inputTokens: 0, outputTokens: 0 };
    const all: Hook[] = [];
    try {
      await this.credentials.use(r.userId, { keySource: 'user', provider: r.provider, use: 'chat' }, async (cred) => {
        const api = PROVIDERS[cred.provider as ProviderId]?.chat_api ?? 'openai';
        let done = 0;
        for (const chunk of chunks) {
          if (r.signal.aborted) break;
          const ans = await this.chat.complete({
            api,
            baseUrl: cred.baseUrl,
            apiKey: cred.apiKey,
            model: r.model,
            system: HOOK_SYSTEM_PROMPT,
            prompt: hookPrompt(chunk, { count: r.count, minS: r.minS, maxS: r.maxS, topics: r.topics, language: r.language, total: chunks.length }),
            schema: hookCandidatesSchema,
            schemaName: 'report_hooks',
            signal: r.signal,
          });
          this.calls.inc({ outcome: ans.repaired ? 'repaired' : 'ok' });
          usage.inputTokens += ans.usage.inputTokens;
          usage.outputTokens += ans.usage.outputTokens;
          all.push(...toAbsolute(chunk, ans.data.hooks));
          r.onProgress?.(++done / chunks.length);
        }
      });
    } catch (err) {
      if (err instanceof ProviderError) {
        this.calls.inc({ outcome: err.code.toLowerCase() });
        if (err.code === 'PROVIDER_KEY_REJECTED') await this.credentials.reportRejected(r.userId, r.provider, err.message);
        throw new MediaError(err.code, err.message, err.retryable, { step: 'hooks' });
      }
      throw err;
    }
    const hooks = selectHooks(all, { count: r.count, minS: r.minS, maxS: r.maxS, duration: transcript.duration, segments: transcript.segments });
    return { hooks, provider: r.provider, model: r.model, ...usage, chunks: chunks.length, candidates: all.length };
  }
}

/** `hooks.json` / `result.hooks`: the public fields only. */
export const hookView = (h: Hook) => ({ start: h.start, end: h.end, score: h.score, title: h.title, hook_sentence: h.hook_sentence, reason: h.reason });
