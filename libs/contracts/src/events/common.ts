import { z } from 'zod';
import { CONTRACT_VERSION } from '../queues';

export const v = z.literal(CONTRACT_VERSION).default(CONTRACT_VERSION);
export const uuid = z.string().uuid();
export const isoDate = z.string().datetime({ offset: true });
