import { expect, test } from 'vitest';
test('runs on the Node 24 the project brings', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
});
