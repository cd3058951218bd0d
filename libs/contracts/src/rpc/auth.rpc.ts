import { defineRpc } from './define';

/** RPC methods the auth service answers. */
export const authRpc = defineRpc({});
