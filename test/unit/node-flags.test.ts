import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../src/node-flags.ts';
import { PROJECT_ROOT } from '../support/run-cli.ts';

const scripts = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe("the project's commands start Node with NODE_FLAGS", () => {
  it.each(['boletin', 'schema', 'programador', 'portal'])('npm run %s', (name) => {
    expect(scripts[name]).toMatch(new RegExp(`^node ${NODE_FLAGS.join(' ')} --import \\./bin/strip-cache\\.js `));
  });

  it('every script that starts the programme with the stripped-TypeScript cache is among them', () => {
    const starting = Object.keys(scripts).filter((name) => scripts[name]?.includes('./bin/strip-cache.js'));
    expect(starting.sort()).toEqual(['boletin', 'portal', 'programador', 'schema']);
  });
});
