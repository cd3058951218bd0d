import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractChecker } from './helpers/contract';

/** The contract check itself must be able to fail: wrong status, body or missing header. */
describe('contract checker', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '../libs/client/openapi.json'), 'utf8'));
  const c = new ContractChecker(doc);
  const json = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/json; charset=utf-8', ...extra });
  const job = {
    id: '0b4a2c4e-7d7a-4c1e-9d8e-2f1e0c9b8a71',
    type: 'trim',
    status: 'queued',
    progress: 0,
    params: {},
    outputs: [],
    created_at: '2026-12-01T00:00:00.000Z',
  };
  const err = (code: string) => JSON.stringify({ error: { code, message: 'x', requestId: 'r1' } });

  it('accepts answers that match the description', () => {
    expect(c.check('GET', `/v1/jobs/${job.id}`, 200, json({ etag: '"a-1"' }), JSON.stringify(job))).toEqual([]);
    expect(c.check('GET', `/v1/jobs/${job.id}`, 404, json(), err('JOB_NOT_FOUND'))).toEqual([]);
    expect(c.check('GET', '/v1/jobs/stats', 401, json(), err('UNAUTHENTICATED'))).toEqual([]);
    expect(c.check('GET', '/health/ready', 200, json(), '{}')).toEqual([]); // not described: not checked
  });

  it('names an undocumented success status, a body off its schema, a missing header; warns on an unlisted error code', () => {
    expect(c.check('GET', `/v1/jobs/${job.id}`, 201, json(), '{}')[0]).toMatch(/jobs\.get .* answered 201, which its description does not list/);
    expect(c.check('GET', `/v1/jobs/${job.id}`, 200, json({ etag: '"a-1"' }), JSON.stringify({ ...job, status: 'sleeping' }))[0]).toMatch(/does not match its schema: \/status/);
    expect(c.check('GET', `/v1/jobs/${job.id}`, 200, json({ etag: '"a-1"' }), JSON.stringify({ ...job, secret_key: 'x' }))[0]).toMatch(/additional/);
    // an error code or status the route does not list: a warning, not a failure; a non-envelope error body fails
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(c.check('GET', `/v1/jobs/${job.id}`, 404, json(), err('UPLOAD_NOT_FOUND'))).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('jobs.get: 404 UPLOAD_NOT_FOUND is not in its description'));
    warn.mockRestore();
    expect(c.check('GET', `/v1/jobs/${job.id}`, 500, json(), '{"message":"boom"}')[0]).toMatch(/not the error envelope/);
    expect(c.check('GET', `/v1/jobs/${job.id}`, 200, json(), JSON.stringify(job))[0]).toMatch(/required header ETag/);
    expect(c.check('DELETE', `/v1/uploads/${job.id}`, 204, new Headers({ 'content-type': 'text/plain' }), 'x')[0]).toMatch(/documented: no body/);
  });
});
