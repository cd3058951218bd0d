import { AppError } from '@clipyard/contracts';

export const fileTooLarge = (maxBytes: number) =>
  new AppError('FILE_TOO_LARGE', `File is larger than the limit of ${maxBytes} bytes`, { maxBytes });
export const objectNotFound = () => new AppError('OBJECT_NOT_FOUND', 'Object not found');
export const rangeNotSatisfiable = (size: number) =>
  new AppError('RANGE_NOT_SATISFIABLE', 'Requested range is not satisfiable', { size }, undefined, {
    'Content-Range': `bytes */${size}`,
  });
export const invalidKey = (why: string) => new AppError('INVALID_STORAGE_KEY', `Invalid storage key: ${why}`);
