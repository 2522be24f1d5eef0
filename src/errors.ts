/**
 * Typed errors of the library. Their messages are in Spanish because users read them;
 * the CLI alone decides how to print them and which exit code they mean.
 */

/** One problem found in the input, with where it is and how to fix it. */
export interface Problem {
  readonly severity: 'error' | 'aviso';
  /** The file the problem is in. */
  readonly file: string;
  /** JSON path ("cifras.cirugias") or sheet and cell ("Nacional!B4"). */
  readonly place: string;
  readonly message: string;
  readonly fix?: string;
}

/** The input cannot become a bulletin: exit code 2, nothing written. */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** A value the phrasing module cannot write (negative, fractional, too large...). */
export class PhrasingError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'PhrasingError';
  }
}

/** Rendering failed (no browser, a page timed out...): exit code 1. */
export class RenderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RenderError';
  }
}
