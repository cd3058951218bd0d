import { HttpDurationChildren, Metrics } from './metrics';

describe('HttpDurationChildren', () => {
  it('observes the same series and values as observe({method, route, status})', async () => {
    const a = new Metrics('t');
    const b = new Metrics('t');
    const children = new HttpDurationChildren(b.httpDuration);
    const samples: Array<[string, string, number, number]> = [
      ['GET', '/v1/jobs/:id', 200, 0.0004],
      ['GET', '/v1/jobs/:id', 304, 0.002],
      ['GET', '/v1/jobs/:id', 200, 0.03],
      ['POST', '/v1/jobs', 201, 0.2],
      ['GET', 'unmatched', 404, 0.001],
    ];
    for (const [method, route, status, v] of samples) {
      a.httpDuration.observe({ method, route, status: String(status) }, v);
      children.of(method, route, status).observe(v);
    }
    expect(children.of('GET', '/v1/jobs/:id', 200)).toBe(children.of('GET', '/v1/jobs/:id', 200));
    const series = async (m: Metrics) => (await m.httpDuration.get()).values;
    expect(await series(b)).toEqual(await series(a));
    b.httpDuration.reset();
    children.of('GET', '/v1/jobs/:id', 200).observe(0.001); // a child outlives a reset
    expect((await series(b)).find((v) => v.metricName === 'http_request_duration_seconds_count')).toMatchObject({ value: 1, labels: { method: 'GET', route: '/v1/jobs/:id', status: '200' } });
  });

  it('adds to the series itself: prom-client observe runs once per series (and once more after a reset or remove), not per observation', async () => {
    const m = new Metrics('t');
    const ref = new Metrics('t');
    const children = new HttpDurationChildren(m.httpDuration);
    const observe = jest.spyOn(m.httpDuration, 'observe');
    const values = Array.from({ length: 1000 }, (_, i) => (i % 17) * 0.0007 + (i % 5 === 0 ? 3 : 0) + (i === 999 ? 10 : 0)); // every bucket, and past the last bound
    for (const v of values) {
      children.of('GET', '/v1/jobs/:id', 200).observe(v);
      ref.httpDuration.observe({ method: 'GET', route: '/v1/jobs/:id', status: '200' }, v);
    }
    expect(observe).toHaveBeenCalledTimes(1);
    const series = async (x: Metrics) => (await x.httpDuration.get()).values;
    expect(await series(m)).toEqual(await series(ref));
    m.httpDuration.reset();
    children.of('GET', '/v1/jobs/:id', 200).observe(0.002);
    children.of('GET', '/v1/jobs/:id', 200).observe(0.002);
    expect(observe).toHaveBeenCalledTimes(2);
    m.httpDuration.remove({ method: 'GET', route: '/v1/jobs/:id', status: '200' });
    children.of('GET', '/v1/jobs/:id', 200).observe(0.004);
    expect(observe).toHaveBeenCalledTimes(3);
    const count = (await series(m)).find((v) => v.metricName === 'http_request_duration_seconds_count');
    expect(count).toMatchObject({ value: 1, labels: { method: 'GET', route: '/v1/jobs/:id', status: '200' } });
    expect(() => children.of('GET', '/v1/jobs/:id', 200).observe(Number.NaN)).toThrow(TypeError); // as prom-client refuses it
  });
});

