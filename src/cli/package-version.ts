import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version in package.json, read at run time: the same two levels up from src/cli/ in the checkout
 * and from dist/cli/ in an installed package (a JSON import would be copied into dist by the build).
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
