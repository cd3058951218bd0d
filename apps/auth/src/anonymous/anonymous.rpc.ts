import { Injectable } from '@nestjs/common';
import type { AnonymousMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { AnonymousService } from './anonymous.service';

/** RPC handlers of the anonymous trial. */
@Injectable()
@RpcController('auth')
export class AnonymousRpc {
  constructor(private readonly anonymous: AnonymousService) {}

  handlers(): Pick<RpcHandlers<'auth'>, AnonymousMethod> {
    return {
      'auth.anonymous.create': (p) => this.anonymous.create(p.ctx),
      'auth.anonymous.upgrade': (p) => this.anonymous.upgrade(p),
    };
  }
}
