import { defineRpc } from './define';

/** RPC methods the billing service answers. */
export const billingRpc = defineRpc({});
