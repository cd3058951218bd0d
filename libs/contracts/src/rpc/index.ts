import type { z } from 'zod';
import type { RpcService } from '../queues';
import { systemRpc } from './system.rpc';
import { authRpc } from './auth.rpc';
import { billingRpc } from './billing.rpc';
import { mediaRpc } from './media.rpc';
import { accountEmailRpc } from './account-email.rpc';
import { adminUsersRpc } from './admin-users.rpc';
import { oauthRpc } from './oauth.rpc';
import { anonymousRpc } from './anonymous.rpc';
import { mfaRpc } from './mfa.rpc';

export * from './define';
export * from './auth.rpc';
export * from './billing.rpc';
export * from './account-email.rpc';
export * from './admin-users.rpc';
export * from './oauth.rpc';
export * from './anonymous.rpc';
export * from './mfa.rpc';

/** Every RPC method in the system. Each domain keeps its methods in its own `*.rpc.ts` file. */
export const RPC_METHODS = {
  ...systemRpc,
  ...authRpc,
  ...accountEmailRpc,
  ...adminUsersRpc,
  ...oauthRpc,
  ...anonymousRpc,
  ...mfaRpc,
  ...billingRpc,
  ...mediaRpc,
} as const;

export type RpcMethods = typeof RPC_METHODS;
export type RpcMethod = keyof RpcMethods;
export type RpcRequest<M extends RpcMethod> = z.input<RpcMethods[M]['request']>;
export type RpcReply<M extends RpcMethod> = z.output<RpcMethods[M]['reply']>;
/** The methods a service must answer. */
export type RpcMethodsOf<S extends RpcService> = {
  [M in RpcMethod]: RpcMethods[M]['service'] extends S ? M : never;
}[RpcMethod];
