import type { Cell } from 'exceljs';
import type { FieldKind } from './excel-layout.ts';
import { explainBadCount, readCountText, readDateText, readDecimalText } from './figure-text.ts';

/** What one cell holds, whatever Excel stored: formulas read through their result. */
export type CellContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly percent?: boolean }
  | { readonly kind: 'text'; readonly value: string; readonly hyperlink?: string }
  | { readonly kind: 'date'; readonly value: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'invalid'; readonly message: string; readonly fix: string };

export function cellContent(cell: Cell): CellContent {
  const content = contentOf(cell.value);
  // Excel keeps "120.9 %" typed in a percentage cell as 1.209: only the format says it is a percentage.
  if (content.kind === 'number' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%'))
    return { ...content, percent: true };
  return content;
}

function contentOf(value: unknown): CellContent {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: value.trim() };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('error' in record)
      return {
        kind: 'invalid',
        message: `la celda tiene el error de Excel ${String(record['error'])}`,
        fix: 'Corrija la fórmula o escriba el valor.',
      };
    if ('richText' in record && Array.isArray(record['richText'])) {
      return contentOf((record['richText'] as { text?: unknown }[]).map((run) => String(run.text ?? '')).join(''));
    }
    if ('hyperlink' in record) {
      const text = typeof record['text'] === 'string' ? record['text'].trim() : '';
      return {
        kind: 'text',
        value: text === '' ? String(record['hyperlink']) : text,
        hyperlink: String(record['hyperlink']),
      };
    }
    if ('formula' in record || 'sharedFormula' in record) {
      if (record['result'] === undefined) {
        return {
          kind: 'invalid',
          message: 'la celda tiene una fórmula sin resultado guardado',
          fix: 'Abra el libro en Excel, deje que calcule y guárdelo; o escriba el valor en lugar de la fórmula.',
        };
      }
      return contentOf(record['result']);
    }
  }
  return {
    kind: 'invalid',
    message: 'la celda tiene un valor que Boletín no entiende',
    fix: 'Escriba el valor como texto o número.',
  };
}

export type CellReading =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly warning?: { readonly message: string; readonly fix: string };
    }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/** An Excel date cell holds the calendar date as UTC midnight: its ISO date is the date typed. */
export function excelDateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reads a cell as a value of the given kind, refusing what would have to be guessed. */
export function readCell(content: CellContent, kind: FieldKind | 'cifra'): CellReading {
  if (content.kind === 'invalid') return { ok: false, message: content.message, fix: content.fix };
  switch (kind) {
    case 'entero':
    case 'cifra': {
      if (content.kind === 'number') return { ok: true, value: content.value };
      if (content.kind === 'text') {
        const reading = readCountText(content.value);
        if (reading.ok) {
          return {
            ok: true,
            value: reading.value,
            warning: {
              message: `la cifra «${content.value}» está guardada como texto`,
              fix: 'Se leyó como número; conviértala a número en Excel (el triángulo verde de la celda > Convertir en número).',
            },
          };
        }
        return { ok: false, message: reading.message, fix: reading.fix };
      }
      if (content.kind === 'date')
        return {
          ok: false,
          message: 'la celda tiene formato de fecha, pero aquí va una cifra',
          fix: 'Cambie el formato de la celda a «Número» y escriba la cifra.',
        };
      if (content.kind === 'boolean') return { ok: false, ...explainBadCount(String(content.value)) };
      return { ok: true, value: undefined };
    }
    case 'decimal':
      return readDecimal(content);
    case 'fecha': {
      if (content.kind === 'date') return { ok: true, value: excelDateToIso(content.value) };
      if (content.kind === 'text') {
        const reading = readDateText(content.value);
        return reading.ok
          ? { ok: true, value: reading.value }
          : { ok: false, message: reading.message, fix: reading.fix };
      }
      if (content.kind === 'number') {
        return {
          ok: false,
          message: `la celda tiene el número ${content.value}, no una fecha`,
          fix: 'Dé a la celda formato de fecha, o escriba la fecha como texto año-mes-día: 2023-02-24.',
        };
      }
      if (content.kind === 'boolean')
        return {
          ok: false,
          message: 'la celda tiene un valor lógico, no una fecha',
          fix: 'Escriba la fecha: 2023-02-24.',
        };
      return { ok: true, value: undefined };
    }
    case 'booleano': {
      if (content.kind === 'boolean') return { ok: true, value: content.value };
      if (content.kind === 'text') {
        const word = content.value.toLowerCase();
        if (['sí', 'si', 'verdadero', 'true'].includes(word)) return { ok: true, value: true };
        if (['no', 'falso', 'false'].includes(word)) return { ok: true, value: false };
      }
      if (content.kind === 'empty') return { ok: true, value: undefined };
      return { ok: false, message: 'aquí va «sí» o «no»', fix: 'Escriba sí o no (o VERDADERO / FALSO).' };
    }
    case 'url': {
      if (content.kind === 'text') return { ok: true, value: content.hyperlink ?? content.value };
      if (content.kind === 'empty') return { ok: true, value: undefined };
      return { ok: false, message: 'aquí va una dirección web', fix: 'Escriba la dirección completa: https://...' };
    }
    case 'texto': {
      if (content.kind === 'text') return { ok: true, value: content.value };
      if (content.kind === 'number') return { ok: true, value: String(content.value) };
      if (content.kind === 'empty') return { ok: true, value: undefined };
      if (content.kind === 'date') return { ok: true, value: excelDateToIso(content.value) };
      return { ok: true, value: content.value ? 'sí' : 'no' };
    }
  }
}

const decimalFix = 'Escriba el porcentaje tal como se publicó, como número con a lo más un decimal: 120.9.';

/**
 * A number with at most one decimal (a published percentage). A percentage-formatted cell gives its
 * percentage (1.209 shown as 120.9 % reads 120.9); a formula's long result is refused, never rounded,
 * because the bulletin prints the figure the office published.
 */
function readDecimal(content: Exclude<CellContent, { kind: 'invalid' }>): CellReading {
  switch (content.kind) {
    case 'empty':
      return { ok: true, value: undefined };
    case 'number': {
      const shown = content.percent === true ? content.value * 100 : content.value;
      const tenths = Math.round(shown * 10);
      // Float noise (1.209 * 100 = 120.89999999999999) is not a second decimal.
      if (Number.isFinite(shown) && Math.abs(shown * 10 - tenths) < 1e-6) return { ok: true, value: tenths / 10 };
      const written = String(Number(shown.toFixed(6)));
      const format = content.percent === true ? ' (la celda tiene formato de porcentaje)' : '';
      return { ok: false, message: `la celda tiene ${written}, con más de un decimal${format}`, fix: decimalFix };
    }
    case 'text': {
      const reading = readDecimalText(content.value);
      if (!reading.ok) return reading;
      return {
        ok: true,
        value: reading.value,
        warning: {
          message: `el número «${content.value}» está guardado como texto`,
          fix: 'Se leyó como número; conviértalo a número en Excel (el triángulo verde de la celda > Convertir en número).',
        },
      };
    }
    case 'date':
      return {
        ok: false,
        message: 'la celda tiene formato de fecha, pero aquí va un porcentaje',
        fix: `Cambie el formato de la celda a «Número». ${decimalFix}`,
      };
    case 'boolean':
      return { ok: false, message: 'la celda tiene un valor lógico, no un número', fix: decimalFix };
  }
}
