import { createLogger, redactUrl } from './logger';

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

describe('request URLs and query errors in logs', () => {
  it('redacts credential query values (signed links, one-time tokens) and keeps the rest', () => {
    const sig = 'a'.repeat(64);
    const url = redactUrl(`/v1/files/eyJrIjoieCJ9?exp=1767225600&sig=${sig}&x=1`);
    expect(url).toBe('/v1/files/eyJrIjoieCJ9?exp=1767225600&sig=[redacted]&x=1');
    expect(redactUrl('/v1/auth/verify?token=abc123&next=%2F')).toBe('/v1/auth/verify?token=[redacted]&next=%2F');
    // an OAuth `state` is the key to the pending sign-in (PKCE verifier, nonce): redacted as well
    expect(redactUrl('/cb?code=c0de&state=s&refresh_token=rt&lang=en')).toBe('/cb?code=[redacted]&state=[redacted]&refresh_token=[redacted]&lang=en');
    expect(redactUrl('/v1/jobs?limit=5')).toBe('/v1/jobs?limit=5');
  });

  it('logs a failed query with its statement, not its parameters', () => {
    const { lines, stream } = capture();
    const log = createLogger('test', 'info', stream);
    const err = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO users (email, display_name) VALUES ($1, $2)',
      parameters: ['alice.private@example.com', 'Alice Secretname'],
      driverError: { code: '23505', detail: 'Key (email)=(alice.private@example.com) already exists.', parameters: ['x'] },
      detail: 'Key (email)=(alice.private@example.com) already exists.',
    });
    log.error({ err }, 'unhandled error');
    const out = lines.join('\n');
    expect(out).toContain('INSERT INTO users (email, display_name) VALUES ($1, $2)');
    expect(out).toContain('23505');
    expect(out).not.toContain('alice.private@example.com');
    expect(out).not.toContain('Secretname');
  });
});
