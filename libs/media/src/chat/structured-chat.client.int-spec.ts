import { startFakeChat, type FakeChat } from '../../../../test/fakes/chat-server';
import { chunkTranscript, hookCandidatesSchema, hookPrompt, HOOK_SYSTEM_PROMPT } from '../hooks';
import { ProviderError } from '../provider-http';
import { StructuredChatClient, type ChatClientOptions } from './structured-chat.client';
import type { ChatApi } from './chat.types';

const KEY = 'sk-ant-test-plaintext-key-0123456789abcdef';
const segments = Array.from({ length: 30 }, (_, i) => ({ start: i * 4, end: i * 4 + 3.5, text: `sentence number ${i} has ${'word '.repeat(i % 7)}in it` }));
const [chunk] = chunkTranscript(segments, { maxChars: 100_000, overlapS: 10 });
const prompt = hookPrompt(chunk, { count: 3, minS: 15, maxS: 40, total: 1 });

describe.each<ChatApi>(['openai', 'anthropic'])('StructuredChatClient against a local %s server', (api) => {
  let fake: FakeChat;
  const delays: number[] = [];
  const client = (o: Partial<ChatClientOptions> = {}) =>
    new StructuredChatClient({
      timeoutMs: 10_000,
      maxRetries: 2,
      baseDelayMs: 10,
      maxDelayMs: 5_000,
      maxOutputTokens: 2000,
      onRetry: ({ delayMs }) => delays.push(delayMs),
      sleep: async () => undefined,
      ...o,
    });
  const req = (o: Record<string, unknown> = {}) => ({
    api,
    baseUrl: fake.url,
    apiKey: KEY,
    model: api === 'openai' ? 'gpt-4o-mini' : 'claude-haiku',
    system: HOOK_SYSTEM_PROMPT,
    prompt,
    schema: hookCandidatesSchema,
    schemaName: 'report_hooks',
    ...o,
  });

  beforeEach(async () => {
    fake = await startFakeChat(api, KEY);
    delays.length = 0;
  });
  afterEach(() => fake.close());

  it('asks for the JSON schema natively, with the key, and returns validated data and token usage', async () => {
    const r = await client().complete(req());
    expect(r.mode).toBe('json_schema');
    expect(r.calls).toBe(1);
    expect(r.data.hooks.length).toBeGreaterThan(0);
    expect(r.data.hooks.length).toBeLessThanOrEqual(3);
    for (const h of r.data.hooks) expect(h.end - h.start).toBeLessThanOrEqual(40);
    expect(r.usage.inputTokens).toBeGreaterThan(100);
    expect(r.usage.outputTokens).toBeGreaterThan(10);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ authorized: true, mode: api === 'openai' ? 'json_schema' : 'tool' });
  });

  it('falls back to JSON mode with the schema in the prompt when the server refuses json_schema, and remembers it', async () => {
    fake.rejectJsonSchema = true;
    const c = client();
    const r = await c.complete(req());
    expect(r.mode).toBe('json');
    expect(r.data.hooks.length).toBeGreaterThan(0);
    expect(fake.requests.map((q) => q.status)).toEqual([400, 200]);
    expect(fake.requests[1].mode).toBe(api === 'openai' ? 'json_object' : 'text');
    expect(fake.requests[1].system).toContain('"hook_sentence"');
    await c.complete(req());
    expect(fake.requests).toHaveLength(3); // straight to JSON mode the second time
  });

  it('repairs an invalid answer once, counting the tokens of both calls', async () => {
    fake.invalidJsonTimes = 1;
    const r = await client().complete(req());
    expect(r.repaired).toBe(true);
    expect(r.calls).toBe(2);
    expect(fake.requests[1].repair).toBe(true);
    expect(fake.requests[1].prompt).toContain('not valid');
    const once = await client().complete(req());
    expect(r.usage.inputTokens).toBeGreaterThan(once.usage.inputTokens);
  });

  it('gives up after one repair with MODEL_OUTPUT_INVALID', async () => {
    fake.invalidJsonTimes = 2;
    const err = await client().complete(req()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'MODEL_OUTPUT_INVALID', retryable: false });
    expect(fake.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    fake.script.push({ status: 429, retryAfter: 2 }, { status: 503 });
    const r = await client().complete(req());
    expect(r.data.hooks.length).toBeGreaterThan(0);
    expect(delays[0]).toBe(2000);
    expect(delays).toHaveLength(2);
  });

  it('stops retrying after max retries with PROVIDER_RATE_LIMITED', async () => {
    fake.script.push({ status: 429, retryAfter: 1 }, { status: 429, retryAfter: 1 }, { status: 429, retryAfter: 1 });
    await expect(client().complete(req())).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryable: true });
    expect(fake.requests).toHaveLength(3);
  });

  it('refuses a wrong key at once with PROVIDER_KEY_REJECTED, never echoing the key', async () => {
    const wrong = 'sk-wrong-key-abcdefghijklmnop';
    const err = (await client().complete(req({ apiKey: wrong })).catch((e: unknown) => e)) as ProviderError;
    expect(err).toMatchObject({ code: 'PROVIDER_KEY_REJECTED', retryable: false });
    expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(wrong);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].authorized).toBe(false);
  });

  it('times out a silent server with PROVIDER_TIMEOUT', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      await expect(client({ timeoutMs: 200, maxRetries: 0 }).complete(req({ baseUrl: `http://127.0.0.1:${port}/v1` }))).rejects.toMatchObject({ code: 'PROVIDER_TIMEOUT' });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
