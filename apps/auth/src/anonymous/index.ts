import { AnonymousLimits } from './anonymous-limits';
import { AnonymousRpc } from './anonymous.rpc';
import { AnonymousService } from './anonymous.service';
import { AnonymousSweeper } from './anonymous.sweeper';
import { AnonymousUsersRepository } from './anonymous-users.repository';

export { AnonymousService, accountExists, type UpgradeMethod } from './anonymous.service';
export { AnonymousSweeper } from './anonymous.sweeper';

/** The anonymous trial: creation, upgrade in place, and the TTL sweep. */
export const ANONYMOUS_PROVIDERS = [AnonymousUsersRepository, AnonymousLimits, AnonymousService, AnonymousSweeper, AnonymousRpc];
