import { type Command, Help } from 'commander';

/**
 * Commander writes a few words of its help in English ("Usage:", "[options]", "default:"); everything a
 * user reads is in Spanish, so the help goes through these overrides (inherited by every command).
 */
const titles: Readonly<Record<string, string>> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opciones generales:',
};

const words: ReadonlyArray<readonly [RegExp, string]> = [
  [/\[options\]/g, '[opciones]'],
  [/\[command\]/g, '[comando]'],
  [/\(default: /g, '(por omisión: '],
  [/\(choices: /g, '(valores: '],
  [/, default: /g, ', por omisión: '],
  [/\(env: /g, '(variable: '],
];

function translate(text: string): string {
  return words.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

const base = new Help();

export const spanishHelp: Partial<Help> = {
  styleTitle: (title: string) => titles[title] ?? title,
  commandUsage: (command) => translate(base.commandUsage(command)),
  subcommandTerm: (command) => translate(base.subcommandTerm(command)),
  optionDescription: (option) => translate(base.optionDescription(option)),
  argumentDescription: (argument) => translate(base.argumentDescription(argument)),
};

/** The option of every command group that keeps the registry: where it is. */
export const DATOS_OPTION = [
  '--datos <carpeta>',
  'carpeta del registro (por omisión $BOLETIN_DATOS, o .boletin/ en el proyecto)',
] as const;

/** A command group lists its subcommands by their Spanish usage instead of commander's "[options]". */
export function listSubcommandsByUsage(group: Command, program: Command): void {
  group.configureHelp({
    ...program.configureHelp(),
    subcommandTerm: (command) => `${command.name()} ${command.usage()}`,
  });
}

const errorPatterns: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown option '(.+?)'/, 'error: opción desconocida «$1»'],
  [/^error: unknown command '(.+?)'/, 'error: comando desconocido «$1»'],
  [/^error: missing required argument '(.+?)'/, 'error: falta el argumento «$1»'],
  [/^error: option '(.+?)' argument missing/, 'error: a la opción «$1» le falta su valor'],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    'error: sobran argumentos: se esperaban $2 y llegaron $3.',
  ],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\./, 'error: el valor «$2» de la opción «$1» no es válido:'],
  [/\(Did you mean (.+?)\?\)/, '(¿quiso decir $1?)'],
];

/** Commander's own error messages, in Spanish. */
export function translateCommanderError(message: string): string {
  return errorPatterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), message);
}
