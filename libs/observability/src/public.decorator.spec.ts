import { Controller, Get, Post } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { assertRoutesDeclareAccess, listRouteAccess, Public, Scopes } from './public.decorator';

@Controller('v1/things')
class MixedController {
  @Get()
  @Scopes('jobs:read')
  list() {}

  @Post()
  create() {}

  @Get('open')
  @Public()
  open() {}
}

@Public()
@Controller('health')
class OpenController {
  @Get()
  live() {}
}

@Scopes('webhooks:read')
@Controller('v1/classy')
class ClassScopedController {
  @Get(':id')
  get() {}

  @Post(':id/poke')
  @Scopes('webhooks:write')
  poke() {}
}

async function appWith(...controllers: (new () => unknown)[]) {
  const mod = await Test.createTestingModule({ controllers }).compile();
  return mod.createNestApplication(new FastifyAdapter());
}

describe('deny by default: every route declares @Scopes() or @Public()', () => {
  it('refuses a route that declares neither, naming it', async () => {
    const app = await appWith(MixedController, OpenController);
    expect(() => assertRoutesDeclareAccess(app)).toThrow(/declare neither:\n {2}POST \/v1\/things \(MixedController\.create\)$/);
    await app.close();
  });

  it('accepts routes covered by a method or class declaration', async () => {
    const app = await appWith(OpenController, ClassScopedController);
    expect(() => assertRoutesDeclareAccess(app)).not.toThrow();
    expect(listRouteAccess(app)).toEqual(
      expect.arrayContaining([
        { route: 'GET /health', handler: 'OpenController.live', public: true, scopes: undefined },
        { route: 'GET /v1/classy/:id', handler: 'ClassScopedController.get', public: false, scopes: ['webhooks:read'] },
        { route: 'POST /v1/classy/:id/poke', handler: 'ClassScopedController.poke', public: false, scopes: ['webhooks:write'] },
      ]),
    );
    await app.close();
  });
});
