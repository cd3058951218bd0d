import { QUEUES } from '@clipyard/contracts';
import { buildRegistry } from './registry';
import type { JobProcessor } from './processor';

const proc = (queue: JobProcessor['queue'], jobName: string): JobProcessor => ({ queue, jobName, process: async () => ({ outputs: [], result: {}, usage: { mediaSeconds: 0 } }) });

describe('processor registry', () => {
  it('maps each consumed queue to its processors', () => {
    const reg = buildRegistry([proc(QUEUES.trim, 'trim'), proc(QUEUES.overlay, 'overlay')], []);
    expect([...reg.keys()].sort()).toEqual([QUEUES.overlay, QUEUES.trim]);
    expect(reg.get(QUEUES.trim)!.get('trim')!.jobName).toBe('trim');
  });

  it('refuses to start when a job name has no processor', () => {
    expect(() => buildRegistry([proc(QUEUES.trim, 'trim')], [QUEUES.trim, QUEUES.transcribe])).toThrow(/no processor for media-transcribe\/transcribe/);
  });

  it('refuses to start when a job name has two processors', () => {
    expect(() => buildRegistry([proc(QUEUES.trim, 'trim'), proc(QUEUES.trim, 'trim')], [])).toThrow(/two processors for media-trim\/trim/);
  });

  it('refuses a processor for a job name its queue does not carry', () => {
    expect(() => buildRegistry([proc(QUEUES.trim, 'overlay')], [])).toThrow(/queue media-trim has no job named overlay/);
  });
});
