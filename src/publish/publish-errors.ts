import { InputError } from '../errors.ts';

/**
 * The request cannot be published as asked: a number taken by another bulletin, data already published
 * under another number, a file on disk that the registry does not know. Nothing was written. Exit code 2.
 */
export class PublishConflictError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'PublishConflictError';
  }
}

/** Another live process is publishing the same bulletin and did not finish within the wait bound. */
export class RegistryBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryBusyError';
  }
}

/** The registry database cannot be used (written by a newer Boletín, unreadable, lost ownership). */
export class RegistryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RegistryError';
  }
}

/**
 * The system refused a file operation while publishing (disk full, no permission, read-only disk...).
 * The message is Spanish, names the path and the fix, and says whether the number was given back.
 */
export class PublishIoError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PublishIoError';
    this.code = code;
  }
}
