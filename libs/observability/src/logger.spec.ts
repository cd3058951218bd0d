import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(s) } };
}

describe('logger redaction', () => {
  it('blanks credentials wherever they sit in a log object', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    log.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret-jwt', 'x-api-key': 'cy_live_supersecret', cookie: 'sid=1' } },
        body: { email: 'a@b.c', password: 'hunter2hunter2', api_key: 'sk-plaintext-provider-key' },
        rpc: { token: 'refresh-token-value', secret: 'whsec_abc' },
        password: 'top-level-password',
      },
      'something happened',
    );
    const out = lines.join('\n');
    for (const secret of ['secret-jwt', 'cy_live_supersecret', 'sid=1', 'hunter2hunter2', 'sk-plaintext-provider-key', 'refresh-token-value', 'whsec_abc', 'top-level-password']) {
      expect(out).not.toContain(secret);
    }
    const line = JSON.parse(lines[0]);
    expect(line.body.email).toBe('a@b.c');
    expect(line.body.password).toBe('[redacted]');
    expect(line.app).toBe('test');
    expect(line.msg).toBe('something happened');
  });
});
