/**
 * How many cases a fast-check property runs. The full count is the test's own; CI (or
 * BOLETIN_PROPERTY_RUNS=full) always runs it. On a developer's machine the default is a tenth of it, so
 * `npm test` stays quick; BOLETIN_PROPERTY_RUNS=<n> asks for n (never more than the full count).
 */
export function propertyRuns(full: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const asked = env['BOLETIN_PROPERTY_RUNS']?.trim();
  if (asked === 'full' || (asked === undefined && isCi(env))) return full;
  if (asked !== undefined && /^\d+$/.test(asked) && Number(asked) > 0) return Math.min(full, Number(asked));
  return Math.max(1, Math.ceil(full / 10));
}

function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
