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
    const id = pathId(value);
    if (id === undefined) throw new AppError(this.code, this.message);
    return id;
  }
}

/** A path id as IdPipe accepts it (lower-cased), or undefined when it cannot name anything. */
export function pathId(value: unknown): string | undefined {
  return isUuid(value) ? value.toLowerCase() : undefined;
}

/** `@IdParam('id', 'JOB_NOT_FOUND', 'Job not found')`: a UUID path parameter, or that 404. */
export const IdParam = (name: string, code = 'NOT_FOUND', message = 'Not found') => Param(name, new IdPipe(code, message));
