import { defineRpc } from './define';

/** RPC methods the media service answers. */
export const mediaRpc = defineRpc({});
