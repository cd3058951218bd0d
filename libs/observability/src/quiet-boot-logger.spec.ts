import { QuietBootLogger } from './http-app';

describe('QuietBootLogger', () => {
  it("demotes Nest's per-module and per-route start-up lines to debug and keeps everything else", () => {
    const calls: [string, unknown][] = [];
    const inner = {
      log: (m: unknown) => calls.push(['info', m]),
      debug: (m: unknown) => calls.push(['debug', m]),
      warn: (m: unknown) => calls.push(['warn', m]),
      error: (m: unknown) => calls.push(['error', m]),
    };
    const logger = new QuietBootLogger(inner);
    logger.log('AuthModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/v1/jobs, GET} route', 'RouterExplorer');
    logger.log('JobsController {/v1/jobs}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log('reconciled 3 jobs', 'Reconciler');
    logger.warn('careful', 'Reconciler');
    expect(calls).toEqual([
      ['debug', 'AuthModule dependencies initialized'],
      ['debug', 'Mapped {/v1/jobs, GET} route'],
      ['debug', 'JobsController {/v1/jobs}:'],
      ['debug', 'Nest application successfully started'],
      ['info', 'reconciled 3 jobs'],
      ['warn', 'careful'],
    ]);
  });
});
