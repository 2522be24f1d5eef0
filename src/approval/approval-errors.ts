import { InputError } from '../errors.ts';

/**
 * The request cannot do what was asked in its state (approve a rejected draft, reject a published one),
 * or does not exist, or the person is not named. Nothing changed. Exit code 2.
 */
export class ApprovalError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'ApprovalError';
  }
}
