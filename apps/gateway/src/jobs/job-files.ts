import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@clipyard/observability';
import { Storage } from '@clipyard/storage';

/** Deletes a job's or upload's objects in storage (cancelled jobs, expired outputs). */
@Injectable()
export class JobFiles {
  constructor(
    private readonly storage: Storage,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Deletes each key; a missing object is fine, a failure is logged and reported as false. */
  async deleteKeys(keys: string[]): Promise<boolean> {
    let ok = true;
    for (const key of keys) {
      try {
        await this.storage.delete(key);
      } catch (err) {
        ok = false;
        this.logger.error({ err, key }, 'could not delete a stored object');
      }
    }
    return ok;
  }
}
