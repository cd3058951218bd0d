import { createDataSource } from './data-source.factory';

/** A failed query reaches the logs with its statement and code, never the values it ran with. */
describe('failed-query logging (real PostgreSQL)', () => {
  const ds = createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/clipyard', poolSize: 1 });
  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('logs the statement, not the parameters', async () => {
    const written: string[] = [];
    const grab = (chunk: unknown) => void written.push(String(chunk));
    const spies = [
      jest.spyOn(process.stderr, 'write').mockImplementation((c) => (grab(c), true)),
      jest.spyOn(process.stdout, 'write').mockImplementation((c) => (grab(c), true)),
      jest.spyOn(console, 'log').mockImplementation((...a) => grab(a.join(' '))),
      jest.spyOn(console, 'error').mockImplementation((...a) => grab(a.join(' '))),
      jest.spyOn(console, 'warn').mockImplementation((...a) => grab(a.join(' '))),
    ];
    try {
      await expect(ds.query('SELECT $1::uuid AS id, $2::text AS email', ['not-a-uuid', 'alice.private@example.com'])).rejects.toThrow();
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const out = written.join('\n');
    expect(out).toContain('SELECT $1::uuid AS id, $2::text AS email');
    expect(out).toContain('22P02'); // invalid_text_representation
    expect(out).not.toContain('alice.private@example.com');
    expect(out).not.toMatch(/PARAMETERS/);
  });
});
