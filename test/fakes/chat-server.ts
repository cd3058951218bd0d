/**
 * Local stand-ins for the two chat APIs, on 127.0.0.1 with a random port: an OpenAI-compatible
 * `POST /v1/chat/completions` and Anthropic's `POST /v1/messages`. They check the credential the
 * way the real APIs do (Bearer / `x-api-key` + `anthropic-version`) against the owner's plaintext
 * key, answer in the real response shapes with token usage, and "find hooks" in the transcript
 * lines of the prompt (`[start-end] text`, times relative to the part): windows of consecutive
 * lines within the asked length, scored by how many words they hold. Behaviours a test can turn
 * on: refuse `json_schema` (400, as many compatible servers do), answer timestamps outside the
 * media, answer invalid JSON once, and scripted replies (429 with Retry-After, 500…).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatApiKind = 'openai' | 'anthropic';

export interface ChatScriptedReply {
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  body?: unknown;
}

export interface ChatRecordedRequest {
  path: string;
  /** Whether the credential matched; the key itself is never recorded. */
  authorized: boolean;
  model?: string;
  /** `json_schema`, `json_object`, `tool` or `text`. */
  mode: string;
  /** The prompt text (user turns) and system prompt, for assertions on what the model saw. */
  prompt: string;
  system: string;
  /** Whether the conversation carried a previous assistant answer (a repair turn). */
  repair: boolean;
  status: number;
}

export interface FakeChat {
  api: ChatApiKind;
  /** Base URL including `/v1`, as a provider key's base_url. */
  url: string;
  /** The plaintext key requests must carry. */
  expectedKey: string;
  requests: ChatRecordedRequest[];
  /** Answers for the next requests, consumed in order before normal handling. */
  script: ChatScriptedReply[];
  /** 400 to any request that asks for a JSON schema (response_format json_schema / tools). */
  rejectJsonSchema: boolean;
  /** Answer timestamps this many seconds past what the prompt holds (outside the media). */
  shiftOutside: number;
  /** The next N answers are broken JSON. */
  invalidJsonTimes: number;
  close(): Promise<void>;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('too large'));
      else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

const textOf = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : '')).join('') : '';

/** The hooks a diligent model would propose for the transcript lines in `prompt`. */
export function proposeHooks(prompt: string, shift = 0): { hooks: Record<string, unknown>[] } {
  const lines: Line[] = [];
  for (const m of prompt.matchAll(/^\[(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\] (.*)$/gm)) lines.push({ start: Number(m[1]), end: Number(m[2]), text: m[3] });
  const len = /between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?) seconds/.exec(prompt);
  const count = Number(/Find up to (\d+)/.exec(prompt)?.[1] ?? 3);
  const [minS, maxS] = len ? [Number(len[1]), Number(len[2])] : [15, 60];
  const windows: { start: number; end: number; words: number; first: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let words = 0;
    for (let j = i; j < lines.length; j++) {
      words += lines[j].text.split(/\s+/).filter(Boolean).length;
      const d = lines[j].end - lines[i].start;
      if (d > maxS) break;
      if (d >= minS) {
        windows.push({ start: lines[i].start, end: lines[j].end, words, first: lines[i].text });
        break;
      }
    }
  }
  windows.sort((a, b) => b.words - a.words || a.start - b.start);
  const picked: typeof windows = [];
  for (const w of windows) {
    if (picked.length >= count) break;
    if (picked.some((p) => w.start < p.end && p.start < w.end)) continue;
    picked.push(w);
  }
  return {
    hooks: picked.map((w, i) => ({
      // a little off the line boundaries, like a real model: the worker snaps them
      start: Math.round((w.start + 0.3 + shift) * 100) / 100,
      end: Math.round((w.end - 0.2 + shift) * 100) / 100,
      score: Math.max(10, 95 - i * 10),
      title: `Moment ${i + 1}`,
      hook_sentence: w.first.slice(0, 200),
      reason: `${w.words} words of dense speech`,
    })),
  };
}

export async function startFakeChat(api: ChatApiKind, expectedKey: string): Promise<FakeChat> {
  const state = { requests: [] as ChatRecordedRequest[], script: [] as ChatScriptedReply[], rejectJsonSchema: false, shiftOutside: 0, invalidJsonTimes: 0 };
  let n = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const openaiError = (message: string, type: string, code: string | null = null) => ({ error: { message, type, param: null, code } });
  const anthropicError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    const want = api === 'openai' ? '/v1/chat/completions' : '/v1/messages';
    const raw = await readBody(req).catch(() => '');
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      /* handled below */
    }
    const messages = (Array.isArray(body.messages) ? body.messages : []) as { role: string; content: unknown }[];
    const system = api === 'anthropic' ? textOf(body.system) : textOf(messages.find((m) => m.role === 'system')?.content);
    const prompt = messages.filter((m) => m.role === 'user').map((m) => textOf(m.content)).join('\n');
    const rf = body.response_format as { type?: string } | undefined;
    const mode = api === 'openai' ? (rf?.type ?? 'text') : body.tools ? 'tool' : 'text';
    const rec: ChatRecordedRequest = {
      path,
      authorized: false,
      model: typeof body.model === 'string' ? body.model : undefined,
      mode,
      prompt,
      system,
      repair: messages.some((m) => m.role === 'assistant'),
      status: 0,
    };
    state.requests.push(rec);
    const reply = (status: number, b: unknown, h?: Record<string, string>) => {
      rec.status = status;
      send(res, status, b, h);
    };

    if (req.method === 'GET' && path === '/v1/models') {
      // what a key check calls: free and authenticated, the same headers as a chat call
      rec.authorized = api === 'openai' ? req.headers.authorization === `Bearer ${expectedKey}` : req.headers['x-api-key'] === expectedKey && !!req.headers['anthropic-version'];
      if (!rec.authorized) return reply(401, api === 'openai' ? openaiError('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key') : anthropicError('authentication_error', 'invalid x-api-key'));
      return reply(200, { data: [{ id: api === 'openai' ? 'local-llama' : 'claude-3-5-haiku-latest', type: 'model' }] });
    }
    if (req.method !== 'POST' || path !== want) return reply(404, api === 'openai' ? openaiError('Not found', 'invalid_request_error') : anthropicError('not_found_error', 'Not found'));
    if (api === 'openai') {
      const auth = req.headers.authorization ?? '';
      rec.authorized = auth === `Bearer ${expectedKey}`;
      if (!rec.authorized) {
        const shown = auth.replace(/^Bearer /, '');
        return reply(401, openaiError(`Incorrect API key provided: ${shown.slice(0, 3)}***${shown.slice(-4)}.`, 'invalid_request_error', 'invalid_api_key'));
      }
    } else {
      rec.authorized = req.headers['x-api-key'] === expectedKey;
      if (!rec.authorized) return reply(401, anthropicError('authentication_error', 'invalid x-api-key'));
      if (!req.headers['anthropic-version']) return reply(400, anthropicError('invalid_request_error', 'anthropic-version: header is required'));
    }
    if (!raw || !body.model || !messages.length) {
      return reply(400, api === 'openai' ? openaiError('messages and model are required', 'invalid_request_error') : anthropicError('invalid_request_error', 'messages: Field required'));
    }
    if (api === 'anthropic' && typeof body.max_tokens !== 'number') return reply(400, anthropicError('invalid_request_error', 'max_tokens: Field required'));

    const next = state.script.shift();
    if (next) return reply(next.status, next.body ?? (api === 'openai' ? openaiError('scripted', 'server_error') : anthropicError('api_error', 'scripted')), next.retryAfter !== undefined ? { 'retry-after': String(next.retryAfter) } : {});

    if (state.rejectJsonSchema && (mode === 'json_schema' || mode === 'tool')) {
      return reply(400, api === 'openai' ? openaiError("'response_format.type' must be 'json_object' or 'text'", 'invalid_request_error') : anthropicError('invalid_request_error', 'tools: not supported by this deployment'));
    }
    let answer = JSON.stringify(proposeHooks(prompt, state.shiftOutside));
    if (state.invalidJsonTimes > 0) {
      state.invalidJsonTimes--;
      answer = answer.slice(0, Math.max(5, Math.floor(answer.length / 2))); // cut off mid-object
    }
    const usage = { input: Math.ceil((system.length + prompt.length) / 4), output: Math.ceil(answer.length / 4) };
    n++;
    if (api === 'openai') {
      return reply(200, {
        id: `chatcmpl-fake${n}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: answer, refusal: null }, finish_reason: 'stop' }],
        usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
      });
    }
    const tool = (body.tools as { name: string }[] | undefined)?.[0];
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      parsed = undefined;
    }
    return reply(200, {
      id: `msg_fake${n}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: tool && parsed !== undefined ? [{ type: 'tool_use', id: `toolu_fake${n}`, name: tool.name, input: parsed }] : [{ type: 'text', text: answer }],
      stop_reason: tool && parsed !== undefined ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output },
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: { message: 'fake failed' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake = Object.assign(state, {
    api,
    url: `http://127.0.0.1:${port}/v1`,
    expectedKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return fake as FakeChat;
}
