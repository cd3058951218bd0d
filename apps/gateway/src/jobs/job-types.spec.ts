import { randomUUID } from 'node:crypto';
import { parseMediaJobRequest, trimJobParamsSchema } from '@clipyard/contracts';
import type { UploadRecord } from '../uploads/uploads.repository';
import { JOB_TYPE_POLICIES } from './job-types';

describe("a trim's worker params from its upload", () => {
  const userId = randomUUID();
  const upload = (streams: Pick<UploadRecord, 'codecs' | 'fragmented'>): UploadRecord => ({
    id: randomUUID(),
    userId,
    storageKey: `users/${userId}/inputs/2026-12/u/source.mp4`,
    filename: 'a.mp4',
    contentType: 'video/mp4',
    size: 1000,
    durationS: 60,
    width: 1280,
    height: 720,
    createdAt: new Date(),
    ...streams,
  });
  const paramsFor = async (u: UploadRecord) => {
    const p = parseMediaJobRequest('trim', { input: { upload_id: u.id }, start: 10, end: 40 });
    const { params } = await JOB_TYPE_POLICIES.trim.worker(p, { input: { key: u.storageKey }, upload: u, limits: {} }, {} as never);
    // what the worker will validate
    return trimJobParamsSchema.parse(params);
  };

  it("carries the upload's recorded codecs and layout as input_streams, beside input_facts", async () => {
    const params = await paramsFor(upload({ codecs: ['h264', 'aac'], fragmented: false }));
    expect(params.input_facts).toEqual({ duration_s: 60, width: 1280, height: 720, content_type: 'video/mp4' });
    expect(params.input_streams).toEqual({ codecs: ['h264', 'aac'], fragmented: false });
    expect((await paramsFor(upload({ codecs: ['h264', 'aac'], fragmented: true }))).input_streams).toEqual({ codecs: ['h264', 'aac'], fragmented: true });
    expect((await paramsFor(upload({ codecs: ['h264'], fragmented: null }))).input_streams).toEqual({ codecs: ['h264'], fragmented: null });
  });

  it('sends no input_streams for an upload recorded before them (the worker then probes streams as before)', async () => {
    const params = await paramsFor(upload({ codecs: null, fragmented: null }));
    expect(params.input_facts).toBeDefined();
    expect(params).not.toHaveProperty('input_streams');
  });
});
