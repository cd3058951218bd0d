import type { JobEntity } from '@clipyard/database';

/** A jobs row as the gateway uses it: the entity's shape, without the bookkeeping `updatedAt`. */
export type JobRecord = Omit<JobEntity, 'updatedAt'>;
