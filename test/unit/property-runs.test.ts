import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../support/property-runs.ts';

describe('the fast-check case count', () => {
  it.each([
    { env: {}, expected: 20_000 },
    { env: { CI: 'true' }, expected: 200_000 },
    { env: { CI: '1' }, expected: 200_000 },
    { env: { CI: 'false' }, expected: 20_000 },
    { env: { BOLETIN_PROPERTY_RUNS: 'full' }, expected: 200_000 },
    { env: { BOLETIN_PROPERTY_RUNS: '500' }, expected: 500 },
    { env: { BOLETIN_PROPERTY_RUNS: '9999999' }, expected: 200_000 },
    { env: { CI: 'true', BOLETIN_PROPERTY_RUNS: '500' }, expected: 500 },
  ])('$env runs $expected of 200,000', ({ env, expected }) => {
    expect(propertyRuns(200_000, env)).toBe(expected);
  });
});
