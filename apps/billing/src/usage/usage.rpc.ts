import { Injectable } from '@nestjs/common';
import { RpcController } from '@clipyard/queue';
import { UsageQueryService } from './usage-query.service';

/** Usage reads for the gateway: summary, ledger, admin overview. */
@Injectable()
@RpcController('billing')
export class UsageRpc {
  constructor(private readonly usage: UsageQueryService) {}

  handlers() {
    return {
      'usage.summary': (p: { userId: string; month?: string }) => this.usage.summary(p.userId, p.month),
      'usage.events': (p: Parameters<UsageQueryService['events']>[0]) => this.usage.events(p),
      'admin.usage': (p: { month?: string }) => this.usage.admin(p.month),
    };
  }
}
