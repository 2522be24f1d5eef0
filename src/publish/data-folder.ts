import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file name of the registry inside the data folder. */
export const REGISTRY_FILE_NAME = 'registro.sqlite';

/** Environment variable that chooses the data folder when no option does. */
export const DATA_FOLDER_ENV = 'BOLETIN_DATOS';

/** The Boletín checkout this module belongs to (two levels above src/publish/). */
export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DataFolderChoice {
  /** The `--datos DIR` option, relative to `cwd`. */
  readonly option?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/**
 * The folder that holds the registry, resolved in one place: the option, then BOLETIN_DATOS,
 * then `<project>/.boletin` (git-ignored), so every run of one installation shares one registry.
 */
export function resolveDataFolder(choice: DataFolderChoice = {}): string {
  const cwd = choice.cwd ?? process.cwd();
  if (choice.option !== undefined && choice.option !== '') return resolve(cwd, choice.option);
  const fromEnv = choice.env?.[DATA_FOLDER_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  return join(PROJECT_DIR, '.boletin');
}

export function resolveRegistryPath(choice: DataFolderChoice = {}): string {
  return join(resolveDataFolder(choice), REGISTRY_FILE_NAME);
}
