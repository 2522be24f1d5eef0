import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { PhrasingError } from '../../errors.ts';
import { phrasingFor, withPlainSpaces, type DateRangeOptions } from '../../lang/index.ts';

interface FechaOptions {
  readonly anio?: boolean;
  readonly anioAuto?: boolean;
  readonly del?: boolean;
  readonly entre?: boolean;
  readonly mayuscula?: boolean;
  readonly dias?: boolean;
  readonly lugar?: string;
  readonly idioma?: string;
  readonly espacioDuro?: boolean;
}

/**
 * `boletin fecha <fechas...>`: dates as the bulletin writes them, from AAAA-MM-DD dates.
 * One date: «24 de febrero de 2023» (with --lugar, the dateline). Two: the period «del 24 al 26 de
 * febrero». Three or more (or two with --dias): the days «10, 11 y 12 de marzo». With no date it reads
 * one set of dates per line from standard input, and answers as `cifra` does (a bad line: an empty
 * answer, a message with its line number on standard error, exit 2 at the end).
 */
export function registerFecha(program: Command, context: CommandContext): void {
  program
    .command('fecha')
    .usage('[opciones] [fechas...]')
    .description('escribe fechas como el boletín: 2023-02-24 2023-02-26 -> «del 24 al 26 de febrero»')
    .argument('[fechas...]', 'fechas AAAA-MM-DD: una fecha, dos para un periodo, tres o más para una lista de días')
    .option('--anio', 'escribe el año: «del 27 al 29 de agosto de 2021»')
    .option('--anio-auto', 'escribe el año sólo si el periodo cambia de año')
    .option('--del', '«del 2021» en lugar de «de 2021»')
    .option('--entre', '«entre el 31 de mayo y el 6 de junio»')
    .option('--mayuscula', 'primera letra en mayúscula, para empezar una oración')
    .option('--dias', 'las fechas son días sueltos aunque sean dos: «10 y 12 de marzo»')
    .option('--lugar <lugar>', 'escribe la fecha del boletín: «Ciudad de México, miércoles 1 de marzo de 2023»')
    .option('-i, --idioma <es|en>', 'idioma: es (por omisión) o en')
    .option('--espacio-duro', 'deja los espacios de no separación (U+00A0) del boletín: «24 al 26» no se corta')
    .action(async (dates: string[], options: FechaOptions) => {
      let write: (dates: readonly string[]) => string;
      try {
        write = dateWriter(options);
      } catch (error) {
        return fail(context, messageOf(error));
      }
      if (dates.length > 0) {
        try {
          context.io.stdout(`${write(dates)}\n`);
        } catch (error) {
          fail(context, messageOf(error));
        }
        return;
      }
      let lineNumber = 0;
      for await (const line of context.io.stdin()) {
        lineNumber += 1;
        let answer = '';
        if (line.trim() !== '') {
          try {
            answer = write(line.trim().split(/\s+/));
          } catch (error) {
            fail(context, `línea ${String(lineNumber)}: ${messageOf(error)}`);
          }
        }
        context.io.stdout(`${answer}\n`);
      }
    });
}

function dateWriter(options: FechaOptions): (dates: readonly string[]) => string {
  const lang = options.idioma ?? 'es';
  if (lang !== 'es' && lang !== 'en') throw new PhrasingError(`el idioma «${lang}» no existe: use «es» o «en».`);
  const phrasing = phrasingFor(lang);
  const rangeOptions: DateRangeOptions = {
    year: options.anio ? 'always' : options.anioAuto ? 'auto' : 'never',
    capitalize: options.mayuscula ?? false,
    yearPreposition: options.del ? 'del' : 'de',
    wording: options.entre ? 'between' : 'from-to',
  };
  // Plain spaces in a terminal, as `cifra` prints them; the bulletin's own text with --espacio-duro.
  const shown = options.espacioDuro ? (text: string) => text : withPlainSpaces;
  return (dates) => shown(writeDates(dates));
  function writeDates(dates: readonly string[]): string {
    const [first, second] = dates;
    if (first === undefined) throw new PhrasingError('indique al menos una fecha AAAA-MM-DD.');
    if (options.lugar !== undefined) {
      if (dates.length > 1) throw new PhrasingError('la fecha del boletín (--lugar) lleva una sola fecha.');
      return phrasing.dateline(options.lugar, first);
    }
    if (dates.length === 1 && !options.dias) return phrasing.date(first);
    if (dates.length === 2 && second !== undefined && !options.dias)
      return phrasing.dateRange(first, second, rangeOptions);
    return phrasing.dayList(dates, rangeOptions);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof PhrasingError) return error.message;
  throw error;
}

function fail(context: CommandContext, problem: string): void {
  context.io.stderr(`boletin fecha: ${problem}\n`);
  context.exitCode = ExitCode.badInput;
}
