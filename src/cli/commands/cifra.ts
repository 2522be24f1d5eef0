import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { PhrasingError } from '../../errors.ts';
import { FIGURE_STYLES, phrasingFor, withPlainSpaces, type Phrasing } from '../../lang/index.ts';

interface CifraOptions {
  readonly estilo?: string;
  readonly estilos?: boolean;
  readonly genero?: string;
  readonly pronombre?: boolean;
  readonly signo?: boolean;
  readonly millonEnCifras?: boolean;
  readonly redondear?: boolean;
  readonly idioma?: string;
  readonly espacioDuro?: boolean;
}

/**
 * `boletin cifra [números...]`: writes each number as the bulletin writes it, one line each
 * (3729 -> «3 mil 729»; 197144/163110 -> «120.9 por ciento»), with plain spaces (a terminal, a script);
 * `--espacio-duro` keeps the no-break spaces the bulletin prints inside a figure. With no number it reads one per line from
 * standard input and answers line for line, so thousands go through one process.
 *
 * Bad input: with arguments, nothing is written to standard output, every bad number is reported on
 * standard error, exit 2. From standard input, a bad line is answered with an empty line (so the
 * answers stay aligned with the questions), reported on standard error with its line number, and the
 * rest goes on; the exit code is 2 at the end. An empty line is answered with an empty line.
 */
export function registerCifra(program: Command, context: CommandContext): void {
  program
    .command('cifra')
    .usage('[opciones] [números...]')
    .description('escribe cifras como el boletín: 3729 -> «3 mil 729»; 197144/163110 -> «120.9 por ciento»')
    .argument(
      '[números...]',
      'enteros con dígitos, o parte/total para un porcentaje; sin números, lee uno por línea de la entrada estándar',
    )
    .option('-e, --estilo <nombre>', `estilo de cifras: ${FIGURE_STYLES.join(', ')} (por omisión imss)`)
    .option('--estilos', 'lista los estilos, uno por línea')
    .option('-g, --genero <f|m>', 'género del sustantivo, para el 1: «una» (f) o «un» (m, por omisión)')
    .option('--pronombre', 'el 1 como pronombre: «uno», «una»')
    .option('--signo', 'porcentajes con «%» en lugar de «por ciento»')
    .option('--millon-en-cifras', '«1 millón» en lugar de «un millón»')
    .option('--redondear', 'redondea las cifras grandes: «16.1 millones»')
    .option('-i, --idioma <es|en>', 'idioma: es (por omisión) o en')
    .option('--espacio-duro', 'deja los espacios de no separación (U+00A0) del boletín, para pegar en un documento')
    // Negative numbers ("-5") must reach the action, where they get a Spanish message.
    .allowUnknownOption()
    .action(async (numbers: string[], options: CifraOptions) => {
      if (options.estilos) {
        for (const style of FIGURE_STYLES) context.io.stdout(`${style}\n`);
        return;
      }
      const writer = figureWriter(options);
      if (typeof writer === 'string') return fail(context, [writer]);
      if (numbers.length > 0) return answerArguments(context, numbers, writer);
      return answerStandardInput(context, writer);
    });
}

type FigureWriter = (input: string) => string;

function answerArguments(context: CommandContext, numbers: readonly string[], write: FigureWriter): void {
  const answers: string[] = [];
  const problems: string[] = [];
  for (const number of numbers) {
    try {
      answers.push(write(number));
    } catch (error) {
      problems.push(messageOf(error));
    }
  }
  if (problems.length > 0) return fail(context, problems);
  context.io.stdout(answers.map((answer) => `${answer}\n`).join(''));
}

async function answerStandardInput(context: CommandContext, write: FigureWriter): Promise<void> {
  let lineNumber = 0;
  let pending = '';
  for await (const line of context.io.stdin()) {
    lineNumber += 1;
    let answer = '';
    if (line.trim() !== '') {
      try {
        answer = write(line);
      } catch (error) {
        context.io.stderr(`boletin cifra: línea ${String(lineNumber)}: ${messageOf(error)}\n`);
        context.exitCode = ExitCode.badInput;
      }
    }
    // Answers go out in batches: one write per line would cost a system call each.
    pending += `${answer}\n`;
    if (pending.length > 16_384) {
      context.io.stdout(pending);
      pending = '';
    }
  }
  if (pending !== '') context.io.stdout(pending);
}

/** The function that answers one input, or a Spanish message when an option is wrong. */
function figureWriter(options: CifraOptions): FigureWriter | string {
  const lang = options.idioma ?? 'es';
  if (lang !== 'es' && lang !== 'en') return `el idioma «${lang}» no existe: use «es» o «en».`;
  const gender = options.genero ?? 'm';
  if (gender !== 'f' && gender !== 'm') return `el género «${gender}» no existe: use «f» o «m».`;
  let phrasing: Phrasing;
  try {
    phrasing = phrasingFor(lang, options.estilo, {
      percentSign: options.signo ?? false,
      millionInDigits: options.millonEnCifras ?? false,
    });
  } catch (error) {
    return messageOf(error);
  }
  const figureOptions = { gender, pronoun: options.pronombre ?? false } as const;
  // A terminal never breaks a line inside a figure, and an invisible U+00A0 would make `grep "3 mil 729"`
  // or a spreadsheet's comparison fail: plain spaces, unless asked for the bulletin's own text.
  const shown = options.espacioDuro ? (text: string) => text : withPlainSpaces;
  return (input) => {
    const parsed = parseInput(input);
    if (parsed.kind === 'percent') return shown(phrasing.percent(parsed.part, parsed.whole));
    if (options.redondear && phrasing.roundedFigure) return shown(phrasing.roundedFigure(parsed.value));
    return shown(phrasing.figure(parsed.value, figureOptions));
  };
}

type Input = { kind: 'count'; value: number } | { kind: 'percent'; part: number; whole: number };

/** "3729", "-5" (refused by the writer, in Spanish), "197144/163110". */
function parseInput(raw: string): Input {
  const text = raw.trim();
  const percent = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (percent !== null) return { kind: 'percent', part: count(percent[1] ?? ''), whole: count(percent[2] ?? '') };
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return { kind: 'count', value: count(text) };
  if (/^\d{1,3}(?:[,.'\u00A0\u202F ]\d{3})+$/.test(text)) {
    throw new PhrasingError(
      `«${text}» lleva separador de miles: escriba sólo los dígitos, ${text.replace(/\D/g, '')}.`,
    );
  }
  if (/^-\D/.test(text)) throw new PhrasingError(`la opción «${text}» no existe (vea boletin cifra --help).`);
  throw new PhrasingError(
    `«${text}» no es un número: escriba la cifra con dígitos (3729) o parte/total (197144/163110).`,
  );
}

function count(digits: string): number {
  if (/^\d{13,}$/.test(digits.replace(/^0+/, ''))) {
    throw new PhrasingError(`La cifra ${digits} pasa del máximo que se escribe (999 mil 999 millones 999 mil 999).`);
  }
  return Number(digits);
}

function messageOf(error: unknown): string {
  if (error instanceof PhrasingError) return error.message;
  throw error;
}

function fail(context: CommandContext, problems: readonly string[]): void {
  for (const problem of problems) context.io.stderr(`boletin cifra: ${problem}\n`);
  context.exitCode = ExitCode.badInput;
}
