/**
 * Reading figures and dates that arrive as text (CSV cells, Excel text cells, quoted JSON values).
 * Nothing is guessed: "3,729" may be 3729 or 3.729 depending on who typed it, and "03/04/2023" may be
 * March or April, so both are refused with the fix spelled out.
 */

export type TextReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly fix: string };

const numberWords =
  /\b(un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|cientos|mil|millón|millones)\b/i;

/** A count written as text: only plain digits are read. */
export function readCountText(text: string): TextReading<number> {
  const value = text.trim();
  if (/^-?\d+$/.test(value)) return { ok: true, value: Number(value) };
  return { ok: false, ...explainBadCount(value) };
}

/** Why a text is not a count, and how to write it. */
export function explainBadCount(raw: string): { message: string; fix: string } {
  const value = raw.trim();
  if (value === '')
    return { message: 'la cifra está vacía', fix: 'Escriba el número, o quite la cifra si no se reportó.' };
  if (/^\d{1,3}([,.'\u00a0\u202f ]\d{3})+$/.test(value)) {
    const digits = value.replace(/\D/g, '');
    return {
      message: `la cifra «${value}» está escrita como texto con separador de miles`,
      fix: `Escriba sólo los dígitos, sin comas, puntos ni espacios: ${digits} (si es lo que quiso decir).`,
    };
  }
  if (/^-?\d+[.,]\d+$/.test(value)) {
    return {
      message: `la cifra «${value}» tiene decimales, pero un conteo es un número entero`,
      fix: 'Escriba un número entero.',
    };
  }
  if (/\d/.test(value) && numberWords.test(value)) {
    return {
      message: `la cifra «${value}» está escrita con palabras`,
      fix: 'Escriba sólo los dígitos: 3729, no «3 mil 729»; el boletín la escribe con palabras por sí mismo.',
    };
  }
  const ordinal = ordinalValue(value);
  if (ordinal !== undefined) {
    return {
      message: `«${value}» es un ordinal escrito con letras`,
      fix: `Escriba el número con dígitos: ${ordinal}.`,
    };
  }
  if (numberWords.test(value)) {
    return { message: `la cifra «${value}» está escrita con letras`, fix: 'Escriba el número con dígitos: 3729.' };
  }
  return { message: `«${value}» no es un número`, fix: 'Escriba un número entero con dígitos, sin comillas.' };
}

const ordinalStems = ['primer', 'segund', 'tercer', 'cuart', 'quint', 'sext', 'séptim', 'octav', 'noven', 'décim'];

/** "Cuarta" -> 4, "décimo cuarta" -> 14: ordinals up to 19, as jornadas are named. */
function ordinalValue(text: string): number | undefined {
  const words = text
    .toLowerCase()
    .replace(/decim/g, 'décim')
    .replace(/septim/g, 'séptim')
    .split(/\s+/);
  const valueOf = (word: string): number | undefined => {
    const index = ordinalStems.findIndex((stem) => word.startsWith(stem) && word.length <= stem.length + 2);
    return index === -1 ? undefined : index + 1;
  };
  if (words.length === 1) return valueOf(words[0] ?? '');
  if (words.length === 2 && valueOf(words[0] ?? '') === 10) {
    const unit = valueOf(words[1] ?? '');
    return unit !== undefined && unit < 10 ? 10 + unit : undefined;
  }
  return undefined;
}

/**
 * A number with at most one decimal written as text, as a percentage is published: "120.9", "120,9"
 * (one digit after the comma cannot be a thousands separator) or "120.9 %".
 */
export function readDecimalText(text: string): TextReading<number> {
  const value = text.trim();
  const match = /^(\d+)(?:[.,](\d))?\s*%?$/.exec(value);
  if (match !== null) return { ok: true, value: Number(`${match[1] ?? ''}.${match[2] ?? '0'}`) };
  if (/^\d+[.,]\d{2,}\s*%?$/.test(value))
    return {
      ok: false,
      message: `«${value}» tiene más de un decimal`,
      fix: 'Escriba el porcentaje tal como se publicó, con a lo más un decimal: 120.9.',
    };
  return {
    ok: false,
    message: `«${value}» no es un número con a lo más un decimal`,
    fix: 'Escriba el porcentaje con dígitos, tal como se publicó: 120.9 (o 120,9).',
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date written as text: only year-month-day is read. */
export function readDateText(text: string): TextReading<string> {
  const value = text.trim();
  if (isoDate.test(value)) return { ok: true, value };
  return { ok: false, ...explainBadDate(value) };
}

/** Why a text is not a year-month-day date, and how to write it. */
export function explainBadDate(raw: string): { message: string; fix: string } {
  const value = raw.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (dayFirst !== null) {
    const [, first = '', second = '', yearText = ''] = dayFirst;
    const year = yearText.length === 2 ? `20${yearText}` : yearText;
    const asDayMonth = `${year}-${second.padStart(2, '0')}-${first.padStart(2, '0')}`;
    const ambiguous = Number(first) <= 12 && Number(second) <= 12 && first !== second;
    return {
      message: `la fecha «${value}» está en formato día/mes/año, que Boletín no adivina`,
      fix: ambiguous
        ? `Escríbala como año-mes-día: ${asDayMonth} si es el ${Number(first)} del mes ${Number(second)}, o ${year}-${first.padStart(2, '0')}-${second.padStart(2, '0')} si es el ${Number(second)} del mes ${Number(first)}.`
        : `Escríbala como año-mes-día: ${asDayMonth}.`,
    };
  }
  if (/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(value)) {
    return {
      message: `la fecha «${value}» usa diagonales`,
      fix: `Escríbala con guiones y dos dígitos: ${value
        .split('/')
        .map((part, index) => (index === 0 ? part : part.padStart(2, '0')))
        .join('-')}.`,
    };
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return {
      message: `la fecha «${value}» necesita dos dígitos en el mes y el día`,
      fix: `Escríbala así: ${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}.`,
    };
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return { message: `«${value}» lleva hora`, fix: `Escriba sólo la fecha: ${value.slice(0, 10)}.` };
  }
  if (/[a-záéíóú]/i.test(value)) {
    return {
      message: `la fecha «${value}» está escrita con palabras`,
      fix: 'Escríbala como año-mes-día, por ejemplo 2023-02-24.',
    };
  }
  return { message: `«${value}» no es una fecha`, fix: 'Escríbala como año-mes-día, por ejemplo 2023-02-24.' };
}
