import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { PlansRepository } from './plans.repository';
import { toPlanDto } from './plan';

/** `plans.list`: the public plan table. */
@Injectable()
@RpcController('billing')
export class PlansRpc {
  constructor(private readonly plans: PlansRepository) {}

  handlers() {
    return {
      'plans.list': async () => ({ data: (await this.plans.list()).map(toPlanDto) }),
    };
  }
}
