import type { z } from 'zod';
import type { RpcService } from '../queues';

/** A method's owner, request schema and reply schema. */
export interface RpcMethodDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  service: RpcService;
  request: Req;
  reply: Res;
  /** Per-method timeout override (ms), e.g. for argon2-heavy calls. */
  timeoutMs?: number;
}

export const defineRpc = <T extends Record<string, RpcMethodDef>>(methods: T): T => methods;
