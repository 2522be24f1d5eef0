import { PhrasingError } from '../../errors.ts';
import type { ListOptions } from '../phrasing.ts';

/**
 * "kidney, cornea and liver"; with the serial comma "kidney, cornea, and liver". A comma goes before
 * the conjunction anyway when the item before it holds one ("traumatology and orthopedics, and urology").
 * closeWithAsWellAs: "A, B, as well as C".
 */
export function writeEnglishList(items: readonly string[], options: ListOptions = {}, serialComma = false): string {
  items.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new PhrasingError(`El elemento ${String(index + 1)} de la lista está vacío.`);
    }
  });
  const last = items.at(-1);
  if (last === undefined) return '';
  if (options.open !== undefined) return `${items.join(', ')}, among others`;
  if (options.continued === true) return items.join(', ');
  if (items.length === 1) return last;
  const head = items.slice(0, -1);
  if (options.closeWithAsWellAs) return `${head.join(', ')}, as well as ${last}`;
  const conjunction = options.conjunction === 'or' ? 'or' : 'and';
  const penultimate = head.at(-1) ?? '';
  const wantsComma =
    ((options.serialComma ?? serialComma) && items.length > 2) || new RegExp(`\\s${conjunction}\\s`).test(penultimate);
  return `${head.join(', ')}${wantsComma ? ',' : ''} ${conjunction} ${last}`;
}
