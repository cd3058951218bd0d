import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { ServiceModule } from '@clipyard/service';
import { StorageModule } from '@clipyard/storage';
import { MediaModule } from '@clipyard/media';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { MediaToolsHealth } from './system/media-tools.health';
import { SystemRpc } from './system/system.rpc';
import { ProviderKeyCheckRpc } from './system/provider-key-check.rpc';
import { PROCESSOR_CLASSES } from './processors';
import { MediaWorkersHost } from './jobs/media-workers.host';
import { TRANSCRIBE_PROVIDERS } from './transcribe/transcribe.providers';
import { HOOKS_PROVIDERS } from './hooks/hooks.providers';

/** The media worker owns no tables: only objects in storage. */
@Module({})
export class WorkerAppModule {
  /** `background: false` (the admin REPL) builds every service without consuming queues or answering RPC. */
  static forRoot(config: WorkerConfig, logDestination?: DestinationStream, opts: { background?: boolean } = {}): DynamicModule {
    return {
      module: WorkerAppModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ app: 'media-worker', config, rpc: 'media', checks: [MediaToolsHealth], logDestination, background: opts.background }),
        StorageModule.forRoot(config),
        MediaModule.forRoot(config),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        SystemRpc,
        ProviderKeyCheckRpc,
        ...TRANSCRIBE_PROVIDERS,
        ...HOOKS_PROVIDERS,
        ...PROCESSOR_CLASSES,
        MediaWorkersHost,
      ],
      exports: [WORKER_CONFIG],
    };
  }
}
