import { PhrasingError } from '../../errors.ts';
import type { ListOptions } from '../phrasing.ts';
import { andBefore, orBefore } from './conjunction-before.ts';

/**
 * "A, B y C". Details the seeds show:
 * - "e"/"u" for "y"/"o" by the sound that follows ("médula ósea e hígado").
 * - A comma before the last conjunction when the item before it holds that conjunction itself, so the
 *   reader sees where it ends: "Traumatología y Ortopedia, y Urología" (seed 000).
 * - closeWithAsWellAs: "..., Traumatología y Ortopedia, así como Urología" (seed 001).
 * - open: a list of some among many, commas only and "entre otras" (seed 002's second bullet).
 * - continued: the items go on in a larger list, commas only (seed 001's detections before its other figures).
 * An empty list is an empty text; one item is the item.
 */
export function writeList(items: readonly string[], options: ListOptions = {}): string {
  items.forEach(checkItem);
  const last = items.at(-1);
  if (last === undefined) return '';
  if (options.open !== undefined) return `${items.join(', ')}, ${options.open === 'f' ? 'entre otras' : 'entre otros'}`;
  if (options.continued === true) return items.join(', ');
  if (items.length === 1) return last;
  const head = items.slice(0, -1);
  if (options.closeWithAsWellAs) return `${head.join(', ')}, así como ${last}`;
  const conjunction = options.conjunction === 'or' ? orBefore(last) : andBefore(last);
  const penultimate = head.at(-1) ?? '';
  const coordinated = options.conjunction === 'or' ? /\s[ou]\s/ : /\s[ye]\s/;
  const comma = coordinated.test(penultimate) ? ',' : '';
  return `${head.join(', ')}${comma} ${conjunction} ${last}`;
}

function checkItem(item: string, index: number): void {
  if (typeof item !== 'string' || item.trim() === '') {
    throw new PhrasingError(`El elemento ${String(index + 1)} de la lista está vacío.`);
  }
}
