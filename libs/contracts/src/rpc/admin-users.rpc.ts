import { z } from 'zod';
import { defineRpc } from './define';
import { userView } from './auth.rpc';

const id = z.string().uuid();
const ctx = z.object({ ip: z.string().max(64).optional(), userAgent: z.string().max(512).optional() });

/** Admin user management (the dashboard's admin page, `/v1/admin/users`): find, deactivate, reactivate. */
export const adminUsersRpc = defineRpc({
  /** Users whose email or username contains `query` (or whose id it is), newest first; every user without `query`. */
  'auth.admin.users.find': {
    service: 'auth',
    request: z.object({ actorId: id, query: z.string().max(254).optional(), limit: z.number().int().min(1).max(100), ctx }),
    reply: z.object({ data: z.array(userView) }),
  },
  /** Deactivating signs the user out everywhere and stops their API keys at once; audited. */
  'auth.admin.users.setActive': {
    service: 'auth',
    request: z.object({ actorId: id, userId: id, active: z.boolean(), ctx }),
    reply: userView,
  },
});
export type AdminUsersMethod = keyof typeof adminUsersRpc;
