import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { Principal } from '../auth/principal';
import { RequestCounter } from './request-counter';

/** Counts every authenticated API request against its user (after the guard set the principal). */
@Injectable()
export class RequestCounterInterceptor implements NestInterceptor {
  constructor(private readonly counter: RequestCounter) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (principal?.userId) this.counter.count(principal.userId);
    return next.handle();
  }
}
