import { createScratchCopies, dropScratchCopies, type Query } from './scratch-tables';

/** The scratch copies the sign-in floor (bench/lib/signin-floor-server.js) writes its sessions into. */
export const FLOOR_TABLES = { sessions: 'bench_floor_sessions', refreshTokens: 'bench_floor_refresh_tokens', audit: 'bench_floor_audit_events' };
const COPIES = { [FLOOR_TABLES.sessions]: 'sessions', [FLOOR_TABLES.refreshTokens]: 'refresh_tokens', [FLOOR_TABLES.audit]: 'audit_events' };

/** Copies of `sessions`, `refresh_tokens` and `audit_events` (the refresh tokens' reference to sessions points at the copy). */
export const createFloorTables = (query: Query): Promise<void> => createScratchCopies(query, COPIES);
export const dropFloorTables = (query: Query): Promise<void> => dropScratchCopies(query, COPIES);
