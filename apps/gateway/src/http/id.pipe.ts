import { Param, type PipeTransform } from '@nestjs/common';
import { AppError, isUuid } from '@clipyard/contracts';

export { isUuid };

/**
 * Path ids: one that is not a UUID cannot name anything, so it gets the same 404 (with the
 * resource's own code) as someone else's id, and never reaches SQL. Returns the id lower-cased.
 */
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly code: string,
    private readonly message: string,
  ) {}
  transform(value: unknown): string {
    if (!isUuid(value)) throw new AppError(this.code, this.message);
    return value.toLowerCase();
  }
}

/** `@IdParam('id', 'JOB_NOT_FOUND', 'Job not found')`: a UUID path parameter, or that 404. */
export const IdParam = (name: string, code = 'NOT_FOUND', message = 'Not found') => Param(name, new IdPipe(code, message));
