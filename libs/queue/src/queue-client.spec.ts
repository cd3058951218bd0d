import { randomUUID } from 'node:crypto';
import { mediaJobPayloadSchema, QUEUES, type MediaJobName } from '@clipyard/contracts';
import type { QueueClient } from './queue-client';

const who = { jobId: randomUUID(), userId: randomUUID() };

/**
 * Never called: the type check (`npx tsc -p tsconfig.json --noEmit`, run by `npm test` and
 * land.sh over spec files too) fails if any line marked @ts-expect-error compiles, i.e. if a
 * payload that does not match its job name could be enqueued.
 */
export function payloadsThatDoNotCompile(q: QueueClient): void {
  // matching payloads compile, with no cast
  void q.addMedia('trim', { ...who, params: { input: { key: 'k' }, start: 0, end: 1 } });
  void q.addMedia('shorts', { ...who, params: { input: { key: 'k' }, count: 2, ai_provider: 'openai', ai_model: 'm' } });
  void q.add(QUEUES.hooks, { name: 'hooks', ...who, params: { transcript_key: 't', ai_provider: 'groq', ai_model: 'm' } });

  // @ts-expect-error a trim needs its cut (start, end)
  void q.addMedia('trim', { ...who, params: { input: { key: 'k' } } });
  // @ts-expect-error an overlay's params on a trim
  void q.addMedia('trim', { ...who, params: { input: { key: 'k' }, text: 'hello' } });
  // @ts-expect-error the client's {upload_id} is resolved by the gateway: it never reaches a queue
  void q.addMedia('overlay', { ...who, params: { input: { upload_id: who.jobId }, text: 'hello' } });
  // @ts-expect-error a short needs the model the gateway chose
  void q.addMedia('shorts', { ...who, params: { input: { key: 'k' }, count: 2 } });
  // @ts-expect-error no such job kind
  void q.addMedia('resize', { ...who, params: {} });
  // @ts-expect-error a trim job on the overlay queue
  void q.add(QUEUES.overlay, { name: 'trim', ...who, params: { input: { key: 'k' }, start: 0, end: 1 } });
  // @ts-expect-error shorts on the hooks queue need their own params
  void q.add(QUEUES.hooks, { name: 'shorts', ...who, params: { transcript_key: 't', ai_provider: 'groq', ai_model: 'm' } });
}

describe('media job payloads', () => {
  const refused: Array<[MediaJobName, unknown]> = [
    ['trim', { input: { key: 'k' } }],
    ['trim', { input: { key: 'k' }, text: 'hello' }],
    ['overlay', { input: { upload_id: who.jobId }, text: 'hello' }],
    ['shorts', { input: { key: 'k' }, count: 2 }],
  ];
  it.each(refused)('refuses at run time too what does not compile (%s %j)', (name, params) => {
    expect(mediaJobPayloadSchema(name).safeParse({ name, ...who, params }).success).toBe(false);
  });

  it('accepts a matching payload, with the contract version and priority filled in', () => {
    const parsed = mediaJobPayloadSchema('trim').parse({ name: 'trim', ...who, params: { input: { key: 'k' }, start: '00:01', end: 2 } });
    expect(parsed).toMatchObject({ name: 'trim', v: 1, priority: 0, params: { start: 1, end: 2, mode: 'fast' } });
  });
});
