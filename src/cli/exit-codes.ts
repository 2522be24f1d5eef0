/** Exit codes of the boletin CLI, as the README documents them. */
export const ExitCode = {
  ok: 0,
  renderFailed: 1,
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
