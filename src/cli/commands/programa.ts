import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { formatProblems } from '../../dataset/format-problems.ts';
import { loadJornada } from '../../dataset/load-jornada.ts';
import { InputError } from '../../errors.ts';
import { PROJECT_DIR } from '../../publish/data-folder.ts';
import { bulletinLabel, openRegistry, resolveRegistryPath, type Registry } from '../../publish/index.ts';
import {
  CALENDAR_SCHEMA_PATH,
  DEFAULT_CALENDAR_PATH,
  PublishMode,
  SCHEDULE_ZONE,
  addCalendarJornada,
  calendarJsonSchemaText,
  decisionLogger,
  listJornadaStatuses,
  loadCalendar,
  localTime,
  nextJornadaEntry,
  noticeDecision,
  runPass,
  startScheduler,
  webhookNotifier,
  type DecisionLog,
  type LogFormat,
} from '../../schedule/index.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { DATOS_OPTION, listSubcommandsByUsage } from '../spanish-help.ts';

/** Options every `programa` subcommand accepts (declared on `programa` itself). */
interface ProgramaOptions {
  readonly calendario?: string;
  readonly datos?: string;
  readonly salida?: string;
  readonly navegador?: string;
}

/** How long a one-shot pass waits for its webhook notices before it exits anyway. */
const NOTICE_DRAIN_MS = 60_000;

/**
 * `boletin programa ...`: generation on a calendar. pasar (one pass, for cron or a systemd timer),
 * correr (the scheduler, until stopped; `npm run programador`), listar, proxima, esquema.
 * Exit codes: 0 done (missing or invalid data are recorded, not failures); 2 bad calendar or input;
 * 1 when the registry or a render fails.
 */
export function registerPrograma(program: Command, context: CommandContext): void {
  const programa = program
    .command('programa')
    .usage('[opciones] <comando>')
    .description('genera los boletines según el calendario de jornadas (data/calendario.yaml) cuando llegan los datos')
    .option('--calendario <archivo>', 'calendario de jornadas (por omisión data/calendario.yaml)')
    .option(...DATOS_OPTION)
    .option(
      '-s, --salida <carpeta>',
      'carpeta de salida si el calendario no dice otra (por omisión, output/ del proyecto)',
    )
    .option('--navegador <ruta>', 'ruta de Chrome o Chromium (o PUPPETEER_EXECUTABLE_PATH)');
  listSubcommandsByUsage(programa, program);

  programa
    .command('pasar')
    .usage('[opciones]')
    .description('hace una pasada: mira las jornadas a las que les toca y genera lo que esté listo; luego termina')
    .option(
      '--ahora <instante>',
      'la hora de la pasada (2023-03-13T08:00, hora de la Ciudad de México), para repetir o probar una pasada',
    )
    .option('--forzar', 'mira todas las jornadas abiertas aunque no sea su hora')
    .option('--directo', 'publica al instante, sin esperar aprobación (en lugar de lo que diga el calendario)')
    .option('--json', 'una línea JSON por decisión')
    .action(
      async (options: { ahora?: string; forzar?: boolean; directo?: boolean; json?: boolean }, command: Command) => {
        await withRegistry(context, command, async (registry, globals) => {
          const calendar = await loadCalendar(calendarPath(globals, context));
          const now = options.ahora === undefined ? undefined : parseInstant(options.ahora);
          const log = logger(context, options.json === true);
          const notifier =
            calendar.webhook === undefined
              ? undefined
              : webhookNotifier({
                  url: calendar.webhook.url,
                  attempts: calendar.webhook.attempts,
                  onResult: (notice, result) => log(noticeDecision(notice, result, new Date())),
                });
          const summary = await runPass({
            registry,
            calendar,
            ...(now === undefined ? {} : { clock: () => now }),
            log,
            outputDir: outputDir(globals, context),
            ...(options.directo === true ? { publishMode: PublishMode.direct } : {}),
            force: options.forzar === true,
            ...(notifier === undefined ? {} : { notifier }),
            ...browserOf(globals),
            signal: context.io.signal,
          });
          if (notifier !== undefined)
            await Promise.race([notifier.drain(), new Promise((done) => setTimeout(done, NOTICE_DRAIN_MS).unref())]);
          if (summary.decisions.length === 0 && options.json !== true)
            context.io.stderr('Nada que hacer en esta pasada.\n');
        });
      },
    );

  programa
    .command('correr')
    .usage('[opciones]')
    .description('corre el programador hasta que se detenga (Ctrl-C o SIGTERM): mira cada jornada a sus horas')
    .option('--directo', 'publica al instante, sin esperar aprobación')
    .option('--json', 'una línea JSON por decisión')
    .action(async (options: { directo?: boolean; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<ProgramaOptions>();
      const log = logger(context, options.json === true);
      const calendar = calendarPath(globals, context);
      await loadCalendar(calendar).catch((error: unknown) => reportError(context, error));
      if (context.exitCode !== ExitCode.ok) return;
      context.io.stderr(
        `Programador en marcha (zona ${SCHEDULE_ZONE}, calendario ${calendar}). Deténgalo con Ctrl-C.\n`,
      );
      const scheduler = startScheduler({
        registryPath: resolveRegistryPath({ option: globals.datos, env: context.io.env, cwd: context.io.cwd }),
        calendarPath: calendar,
        outputDir: outputDir(globals, context),
        log,
        onError: (error) => context.io.stderr(`${errorText(error)}\n`),
        ...(options.directo === true ? { publishMode: PublishMode.direct } : {}),
        ...browserOf(globals),
      });
      await new Promise<void>((done) => {
        if (context.io.signal.aborted) done();
        context.io.signal.addEventListener('abort', () => done(), { once: true });
      });
      await scheduler.stop();
      context.io.stderr('Programador detenido.\n');
    });

  programa
    .command('listar')
    .usage('[opciones]')
    .description(
      'las jornadas del calendario y su estado: esperando datos, datos inválidos, borrador listo, aprobado, publicado, vencido',
    )
    .option('--ahora <instante>', 'la hora a la que se mira (por omisión, ahora)')
    .option('--json', 'escribe la lista en JSON')
    .action(async (options: { ahora?: string; json?: boolean }, command: Command) => {
      await withRegistry(
        context,
        command,
        async (registry, globals) => {
          const calendar = await loadCalendar(calendarPath(globals, context));
          const now = options.ahora === undefined ? new Date() : parseInstant(options.ahora);
          const statuses = listJornadaStatuses(registry, calendar, now);
          if (options.json === true) return context.io.stdout(`${JSON.stringify(statuses, null, 2)}\n`);
          if (statuses.length === 0) context.io.stdout('El calendario no tiene jornadas.\n');
          for (const status of statuses) {
            const request = status.request;
            const bulletin =
              request?.number != null && request.year !== null ? ` ${bulletinLabel(request.number, request.year)}` : '';
            const which = request === undefined ? '' : ` (solicitud ${request.id}${bulletin})`;
            context.io.stdout(
              `${status.jornada.id}  ${status.jornada.start}..${status.jornada.end}  ${status.label}${which}: ${status.reason}\n`,
            );
            if (status.problems.length > 0) context.io.stdout(`${formatProblems(status.problems)}\n`);
            if (status.nextLook !== null)
              context.io.stdout(
                `  siguiente búsqueda: ${localTime(new Date(status.nextLook))}; búsquedas sin éxito: ${status.attempts}\n`,
              );
          }
        },
        { readOnly: true },
      );
    });

  programa
    .command('proxima')
    .usage('[opciones] <archivo>')
    .description('añade al calendario la «próxima jornada» que anuncian unos datos (sus fechas, tipo y ordinal)')
    .argument('<archivo>', 'los datos de una jornada con «proxima»')
    .option('--carpeta-base <carpeta>', 'dónde llegarán sus datos, relativa al calendario', '../entrada')
    .action(async (archivo: string, options: { carpetaBase: string }, command: Command) => {
      const globals = command.optsWithGlobals<ProgramaOptions>();
      try {
        const loaded = await loadJornada(resolve(context.io.cwd, archivo));
        const entry = nextJornadaEntry(loaded.jornada, options.carpetaBase);
        const path = calendarPath(globals, context);
        await addCalendarJornada(path, entry);
        context.io.stdout(
          `Añadida al calendario ${path}: ${entry.id} (${entry.fechas.inicio} a ${entry.fechas.fin}); sus datos, en ${entry.carpeta}/\n`,
        );
      } catch (error) {
        reportError(context, error);
      }
    });

  programa
    .command('esquema')
    .usage('[archivo]')
    .description('regenera el esquema JSON del calendario (data/calendario.schema.json)')
    .argument('[archivo]', 'dónde escribirlo', CALENDAR_SCHEMA_PATH)
    .action(async (archivo: string) => {
      const target = resolve(context.io.cwd, archivo);
      await writeFile(target, calendarJsonSchemaText());
      context.io.stdout(`Esquema escrito: ${relative(context.io.cwd, target) || target}\n`);
    });
}

function calendarPath(globals: ProgramaOptions, context: CommandContext): string {
  return globals.calendario === undefined ? DEFAULT_CALENDAR_PATH : resolve(context.io.cwd, globals.calendario);
}

function outputDir(globals: ProgramaOptions, context: CommandContext): string {
  return globals.salida === undefined ? join(PROJECT_DIR, 'output') : resolve(context.io.cwd, globals.salida);
}

function browserOf(globals: ProgramaOptions): { browser?: { executablePath: string } } {
  return globals.navegador === undefined ? {} : { browser: { executablePath: globals.navegador } };
}

function logger(context: CommandContext, json: boolean): DecisionLog {
  const format: LogFormat = json ? 'json' : 'texto';
  return decisionLogger(context.io.stdout, format);
}

/** An instant with its offset, or a local time in Mexico City ("2023-03-13T08:00"). */
function parseInstant(text: string): Date {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const parsed = DateTime.fromISO(text, hasZone ? { setZone: true } : { zone: SCHEDULE_ZONE });
  if (!parsed.isValid)
    throw new InputError(
      `«${text}» no es una fecha y hora: escríbala como 2023-03-13T08:00 (hora de la Ciudad de México).`,
    );
  return parsed.toJSDate();
}

async function withRegistry(
  context: CommandContext,
  command: Command,
  action: (registry: Registry, globals: ProgramaOptions) => Promise<void> | void,
  mode: { readonly readOnly: boolean } = { readOnly: false },
): Promise<void> {
  let registry: Registry | undefined;
  try {
    const globals = command.optsWithGlobals<ProgramaOptions>();
    const path = resolveRegistryPath({ option: globals.datos, env: context.io.env, cwd: context.io.cwd });
    registry = openRegistry(mode.readOnly && !existsSync(path) ? ':memory:' : path);
    await action(registry, globals);
  } catch (error) {
    reportError(context, error);
  } finally {
    registry?.close();
  }
}

function reportError(context: CommandContext, error: unknown): void {
  if (error instanceof InputError) {
    context.io.stderr(error.problems.length > 0 ? `${formatProblems(error.problems)}\n` : `${error.message}\n`);
    context.exitCode = ExitCode.badInput;
  } else {
    context.io.stderr(`${errorText(error)}\n`);
    context.exitCode = ExitCode.renderFailed;
  }
}

function errorText(error: unknown): string {
  if (error instanceof InputError) return error.problems.length > 0 ? formatProblems(error.problems) : error.message;
  return `Error: ${error instanceof Error ? error.message : String(error)}`;
}
