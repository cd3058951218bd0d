import { Injectable } from '@nestjs/common';
import type { AccountEmailMethod } from '@clipyard/contracts';
import { RpcController, type RpcHandlers } from '@clipyard/queue';
import { AccountDeletionService } from './account-deletion.service';
import { EmailChangeService } from './email-change.service';
import { MagicLinkService } from './magic-link.service';
import { PasswordResetService } from './password-reset.service';
import { VerificationService } from './verification.service';

/** RPC handlers of the email flows (verification, reset, magic link, email change, deletion). */
@Injectable()
@RpcController('auth')
export class AccountEmailRpc {
  constructor(
    private readonly verification: VerificationService,
    private readonly reset: PasswordResetService,
    private readonly magic: MagicLinkService,
    private readonly change: EmailChangeService,
    private readonly deletion: AccountDeletionService,
  ) {}

  handlers(): Pick<RpcHandlers<'auth'>, AccountEmailMethod> {
    return {
      'auth.email.verify': (p) => this.verification.verify(p),
      'auth.email.resend': (p) => this.verification.resend(p),
      'auth.password.forgot': (p) => this.reset.forgot(p),
      'auth.password.reset': (p) => this.reset.reset(p),
      'auth.magicLink.request': (p) => this.magic.request(p),
      'auth.magicLink.verify': (p) => this.magic.verify(p),
      'auth.email.change': (p) => this.change.request(p),
      'auth.email.confirmChange': (p) => this.change.confirm(p),
      'auth.me.delete': (p) => this.deletion.delete(p),
    };
  }
}
