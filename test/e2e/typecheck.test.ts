import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

// Node runs the TypeScript by stripping its types without checking them: the strict checks happen here.
test('the whole project type-checks under the strict tsconfig', async () => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '--noEmit', '-p', root], { cwd: root }).catch(
    (error: { stdout?: string }) => ({
      stdout: error.stdout ?? String(error),
    }),
  );
  expect(result.stdout).toBe('');
});
