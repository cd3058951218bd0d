import Fastify from 'fastify';
import { keepRawBody, RAW_BODY } from './raw-body';

describe('keepRawBody', () => {
  it('keeps the exact body for the given routes, through a hook of those routes alone', async () => {
    const app = Fastify();
    keepRawBody(app, ['v1/billing/stripe/webhook']);
    const seen = (req: object) => ({ raw: (req as Record<symbol, Buffer | undefined>)[RAW_BODY]?.toString('utf8') ?? null });
    app.post('/v1/billing/stripe/webhook', (req) => ({ ...seen(req), parsed: req.body }));
    app.post('/v1/other', (req) => ({ ...seen(req), parsed: req.body }));
    app.get('/v1/jobs/:id', (req) => seen(req));
    await app.ready();
    try {
      const body = '{ "id":"evt_1",  "type":"x" }';
      const hook = await app.inject({ method: 'POST', url: '/v1/billing/stripe/webhook', headers: { 'content-type': 'application/json' }, payload: body });
      expect(hook.json()).toEqual({ raw: body, parsed: { id: 'evt_1', type: 'x' } });
      const other = await app.inject({ method: 'POST', url: '/v1/other', headers: { 'content-type': 'application/json' }, payload: body });
      expect(other.json()).toEqual({ raw: null, parsed: { id: 'evt_1', type: 'x' } });
      expect((await app.inject('/v1/jobs/1')).json()).toEqual({ raw: null });
      // no preParsing hook anywhere but on the webhook (a global one ran on every request)
      const routes = app.printRoutes({ includeHooks: true, commonPrefix: false });
      expect(routes.match(/preParsing/g)).toHaveLength(1);
      expect(routes).toMatch(/stripe\/webhook \(POST\)\n.*• \(preParsing\)/);
    } finally {
      await app.close();
    }
  });
});
