import { AppError, DependencyUnavailableError, outageOf, UpstreamUnavailableError } from './errors';

const err = (props: Record<string, unknown>, message = 'boom') => Object.assign(new Error(message), props);

describe('outageOf: which dependency an error says is down', () => {
  it.each([
    ['ioredis giving up on a command', err({ name: 'MaxRetriesPerRequestError' }, 'Reached the max retries per request limit (which is 2).'), 'redis'],
    ['ioredis without offline queue', err({}, "Stream isn't writeable and enableOfflineQueue options is false"), 'redis'],
    ['a closed Redis connection', err({}, 'Connection is closed.'), 'redis'],
    ['PostgreSQL shutting down (57P01)', err({ code: '57P01' }, 'terminating connection due to administrator command'), 'postgres'],
    ['PostgreSQL starting up (57P03)', err({ code: '57P03' }, 'the database system is starting up'), 'postgres'],
    ['a pg connection dropped mid-query', err({}, 'Connection terminated unexpectedly'), 'postgres'],
    ['TypeORM wrapping a refused connection', err({ name: 'QueryFailedError', driverError: err({ code: 'ECONNREFUSED' }) }), 'postgres'],
    ['a refused pool connect', err({ code: 'ECONNREFUSED' }, 'connect ECONNREFUSED 127.0.0.1:5432'), 'unknown'],
    ["Node's happy-eyeballs AggregateError", err({ errors: [err({ code: 'ECONNREFUSED' }), err({ code: 'ECONNREFUSED' })] }), 'unknown'],
    ['a cause chain', err({ cause: err({ code: '57P01' }) }), 'postgres'],
  ])('%s → %s', (_what, e, dep) => {
    expect(outageOf(e)).toBe(dep);
  });

  it.each([
    ['a unique violation', err({ code: '23505' }, 'duplicate key value violates unique constraint')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a domain error', new AppError('QUOTA_EXCEEDED', 'no more trims')],
    ['nothing', undefined],
  ])('%s is not an outage', (_what, e) => {
    expect(outageOf(e)).toBeNull();
  });

  it('answers 503 with Retry-After, naming the dependency but no address', () => {
    const e = new DependencyUnavailableError('postgres');
    expect(e.httpStatus).toBe(503);
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.headers).toEqual({ 'Retry-After': expect.stringMatching(/^\d+$/) });
    expect(e.details).toEqual({ dependency: 'postgres' });
    expect(new UpstreamUnavailableError('auth', 'auth.login').headers).toEqual({ 'Retry-After': expect.stringMatching(/^\d+$/) });
  });
});
