import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';

/** Deletes a job's objects in storage (outputs of cancelled or expired jobs). */
@Injectable()
export class JobFiles {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  async deleteKeys(keys: string[]): Promise<void> {
    // Wired to @clipyard/storage once it lands.
    this.logger.debug({ count: keys.length }, 'delete job files');
  }
}
