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
});
