import type { ErrorCode } from '../shared/result';

/** A failure a service means to report to the person, with a code from the shared list. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string, fields?: Record<string, string>) => new AppError('CONFLICT', message, fields);
export const invalid = (message: string, fields?: Record<string, string>) =>
  new AppError('VALIDATION', message, fields);
