import { InputError } from '../errors.ts';

/**
 * The editions of one jornada, by the names the CLI accepts (`--ediciones es,en,web,estados,tarjeta`):
 * the national Spanish bulletin, the English one, the web post, one local bulletin per state with
 * data, and the social cards. All share the Spanish bulletin's number and are published together.
 */
export const EDITION_NAMES = ['es', 'en', 'web', 'estados', 'tarjeta'] as const;
export type EditionName = (typeof EDITION_NAMES)[number];

/** What `generar` writes when no edition is asked for: the national Spanish bulletin, as always. */
export const DEFAULT_EDITIONS: readonly EditionName[] = ['es'];

/** "todas", or names separated by commas; the Spanish bulletin always goes first (it holds the number). */
export function parseEditions(text: string): EditionName[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 1 && names[0] === 'todas') return [...EDITION_NAMES];
  const unknown = names.filter((name) => !(EDITION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new InputError(
      `Edición desconocida: «${unknown.join(', ') || text}». Use «todas» o una lista separada por comas de: ${EDITION_NAMES.join(', ')}.`,
    );
  }
  return EDITION_NAMES.filter((name) => names.includes(name));
}
