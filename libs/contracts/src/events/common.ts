import { z } from 'zod';

/** Contract version carried by every payload so a rolling deploy can tell old from new. */
export const CONTRACT_VERSION = 1 as const;

export const v = z.literal(CONTRACT_VERSION).default(CONTRACT_VERSION);
export const uuid = z.string().uuid();
export const isoDate = z.string().datetime({ offset: true });
