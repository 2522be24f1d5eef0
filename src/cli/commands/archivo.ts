import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { InputError } from '../../errors.ts';
import {
  BulletinState,
  bulletinLabel,
  currentVersion,
  exportRegistryCsv,
  findBulletin,
  listBulletins,
  openRegistry,
  parseBulletinRef,
  peekSequence,
  releaseInterrupted,
  resolveRegistryPath,
  setSequenceFloor,
  verifyBulletins,
  writeFileAtomic,
  type BulletinRecord,
  type BulletinVersionRecord,
  type Registry,
  type VerificationReport,
} from '../../publish/index.ts';
import { isOwnerAlive } from '../../publish/process-owner.ts';
import {
  RegistryError,
  archiveEvidence,
  backupRegistry,
  checkArchiveFolder,
  defaultBackupPath,
  rebuildRegistry,
  restoreAdvice,
} from '../../publish/index.ts';
import { describeSystemError, isPathMistake } from '../../system-error.ts';
import { DATOS_OPTION, listSubcommandsByUsage } from '../spanish-help.ts';

/** Options every `archivo` subcommand accepts (declared on `archivo` itself). */
interface ArchiveOptions {
  readonly datos?: string;
}

/**
 * `boletin archivo ...`: the registry of numbered bulletins. listar, mostrar, verificar, exportar,
 * numeracion, liberar, respaldo, reconstruir. Exit codes: 0 done; 2 bad input (unknown bulletin, bad number, a conflict);
 * 1 when `verificar` finds a missing or altered file or an interrupted entry, or the registry fails.
 */
export function registerArchivo(program: Command, context: CommandContext): void {
  const archivo = program
    .command('archivo')
    .usage('[opciones] <comando>')
    .description('consulta y cuida el registro de boletines numerados: números, versiones y archivos')
    .option(...DATOS_OPTION);
  listSubcommandsByUsage(archivo, program);

  archivo
    .command('listar')
    .usage('[opciones]')
    .description('lista los boletines del registro, por año y número')
    .option('--anio <año>', 'solo los de ese año')
    .option('--json', 'escribe la lista en JSON')
    .action(async (options: { anio?: string; json?: boolean }, command: Command) => {
      await run(context, command, { readOnly: true }, (registry) => {
        const year = options.anio === undefined ? undefined : parseYear(options.anio);
        const bulletins = listBulletins(registry, year === undefined ? {} : { year });
        if (options.json === true) {
          context.io.stdout(`${JSON.stringify(bulletins, null, 2)}\n`);
          return;
        }
        if (bulletins.length === 0) {
          context.io.stdout(
            year === undefined ? 'El registro no tiene boletines.\n' : `El registro no tiene boletines de ${year}.\n`,
          );
        }
        for (const bulletin of bulletins) context.io.stdout(`${summaryLine(bulletin)}\n`);
        if (year !== undefined) {
          context.io.stdout(`Siguiente número de ${year}: ${peekSequence(registry, year).next}\n`);
        }
      });
    });

  archivo
    .command('mostrar')
    .usage('[opciones] <número/año>')
    .description('muestra un boletín: sus versiones, su estado y sus archivos')
    .argument('<número/año>', 'por ejemplo 93/2023 o 093/2023')
    .option('--json', 'escribe el boletín en JSON')
    .action(async (ref: string, options: { json?: boolean }, command: Command) => {
      await run(context, command, { readOnly: true }, (registry) => {
        const bulletin = mustFind(registry, ref);
        if (options.json === true) {
          context.io.stdout(`${JSON.stringify(bulletin, null, 2)}\n`);
          return;
        }
        context.io.stdout(describeBulletin(bulletin));
      });
    });

  archivo
    .command('verificar')
    .usage('[opciones] [número/año]')
    .description('recalcula el sha256 de cada archivo publicado y avisa de los que faltan o cambiaron')
    .argument('[número/año]', 'un boletín (por omisión, todos)')
    .option('--anio <año>', 'solo los de ese año')
    .option('--salida <carpeta>', 'busca los archivos en esta carpeta y no en la registrada')
    .option('--json', 'escribe el informe en JSON')
    .action(
      async (
        ref: string | undefined,
        options: { anio?: string; salida?: string; json?: boolean },
        command: Command,
      ) => {
        const folder = resolve(context.io.cwd, options.salida ?? 'output');
        await run(context, command, { readOnly: true, outputDir: folder }, async (registry) => {
          let year = options.anio === undefined ? undefined : parseYear(options.anio);
          let number: number | undefined;
          if (ref !== undefined) {
            const bulletin = mustFind(registry, ref);
            ({ year, number } = bulletin);
          }
          const report = await verifyBulletins(registry, {
            year,
            number,
            outputDir: options.salida === undefined ? undefined : resolve(context.io.cwd, options.salida),
            fallbackOutputDir: resolve(context.io.cwd, 'output'),
          });
          context.io.stdout(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
          if (report.problems > 0) context.exitCode = ExitCode.renderFailed;
        });
      },
    );

  archivo
    .command('exportar')
    .usage('--csv [opciones] [archivo]')
    .description('exporta el registro como CSV (una fila por archivo publicado)')
    .argument('[archivo]', 'archivo donde escribirlo (por omisión, la salida estándar)')
    .option('--csv', 'en formato CSV (RFC 4180, UTF-8)')
    .option('--anio <año>', 'solo los de ese año')
    .option('--sobrescribir', 'reemplaza el archivo si ya existe')
    .action(
      async (
        file: string | undefined,
        options: { csv?: boolean; anio?: string; sobrescribir?: boolean },
        command: Command,
      ) => {
        await run(context, command, { readOnly: true }, async (registry) => {
          if (options.csv !== true) throw new InputError('Indique el formato de la exportación: --csv.');
          const csv = exportRegistryCsv(registry, {
            year: options.anio === undefined ? undefined : parseYear(options.anio),
          });
          if (file === undefined) {
            context.io.stdout(csv);
            return;
          }
          const path = resolve(context.io.cwd, file);
          if (options.sobrescribir !== true && existsSync(path)) {
            throw new InputError(
              `El archivo ${path} ya existe; no se reemplazó. Use --sobrescribir para reemplazarlo.`,
            );
          }
          await writeFileAtomic(path, new TextEncoder().encode(csv));
          context.io.stdout(`Registro exportado a ${path}\n`);
        });
      },
    );

  archivo
    .command('numeracion')
    .usage('<año> [--siguiente <número>] [opciones]')
    .description('muestra o fija dónde va la numeración de un año («el siguiente número es el 94»)')
    .argument('<año>', 'el año de la numeración')
    .option('--siguiente <número>', 'el siguiente número que tomará un boletín de ese año')
    .option('--json', 'escribe el estado en JSON')
    .action(async (yearText: string, options: { siguiente?: string; json?: boolean }, command: Command) => {
      const readOnly = options.siguiente === undefined;
      await run(context, command, { readOnly }, (registry) => {
        const year = parseYear(yearText);
        const state =
          options.siguiente === undefined
            ? peekSequence(registry, year)
            : setSequenceFloor(registry, year, parsePositiveInteger(options.siguiente, '--siguiente'));
        if (options.json === true) {
          context.io.stdout(`${JSON.stringify(state, null, 2)}\n`);
          return;
        }
        const highest = state.highest === null ? 'ninguno' : bulletinLabel(state.highest, year);
        const released =
          state.released.length === 0 ? '' : `; números liberados que se usarán primero: ${state.released.join(', ')}`;
        context.io.stdout(
          `Numeración de ${year}: el siguiente número es el ${state.next} (el más alto registrado: ${highest}${released}).\n`,
        );
      });
    });

  archivo
    .command('liberar')
    .usage('[opciones] <número/año>')
    .description('libera un boletín que quedó en proceso porque su proceso murió, y devuelve su número')
    .argument('<número/año>', 'por ejemplo 94/2023')
    .action(async (ref: string, _options: unknown, command: Command) => {
      await run(context, command, { readOnly: false }, async (registry) => {
        const { number, year } = parseBulletinRef(ref);
        const released = await releaseInterrupted(registry, year, number, {
          fallbackOutputDir: resolve(context.io.cwd, 'output'),
        });
        const freed = released.numberFreed
          ? `el número ${number} queda libre y lo tomará el siguiente boletín de ${year}`
          : `se conserva la versión publicada`;
        context.io.stdout(
          `Liberada la versión ${released.version} del ${bulletinLabel(number, year)}: ${freed}; archivos sin terminar borrados: ${released.removedFiles.length}.\n`,
        );
      });
    });

  archivo
    .command('respaldo')
    .usage('[opciones] [archivo]')
    .description('escribe una copia coherente del registro (por omisión en <datos>/respaldos/)')
    .argument('[archivo]', 'dónde escribir la copia')
    .option('--sobrescribir', 'reemplaza el archivo si ya existe')
    .action(async (file: string | undefined, options: { sobrescribir?: boolean }, command: Command) => {
      await run(context, command, { readOnly: false }, async (registry) => {
        const destination = file === undefined ? defaultBackupPath(registry) : resolve(context.io.cwd, file);
        const copy = await backupRegistry(registry, destination, { overwrite: options.sobrescribir === true });
        context.io.stdout(
          `Respaldo del registro escrito en ${copy.path} (${copy.bytes} bytes). Para restaurarlo, cópielo como ${registry.path} con Boletín detenido.\n`,
        );
      });
    });

  archivo
    .command('reconstruir')
    .usage('--salida <carpeta> [opciones]')
    .description(
      'reconstruye un registro perdido o dañado a partir de los boletines publicados en la carpeta de salida',
    )
    .option('--salida <carpeta>', 'la carpeta de salida con los boletines publicados (por omisión, output/)')
    .option('--json', 'escribe el resumen en JSON')
    .action(async (options: { salida?: string; json?: boolean }, command: Command) => {
      try {
        const { datos } = command.optsWithGlobals<ArchiveOptions>();
        const registryPath = resolveRegistryPath({ option: datos, env: context.io.env, cwd: context.io.cwd });
        // pdf-lib is loaded only for this command.
        const { readArchiveStamp } = await import('../../render/read-archive-stamp.ts');
        const report = await rebuildRegistry({
          registryPath,
          outputDir: resolve(context.io.cwd, options.salida ?? 'output'),
          readStamp: readArchiveStamp,
        });
        if (options.json === true) {
          context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const unstamped =
          report.unstamped.length === 0
            ? ''
            : ` Sin datos de registro en sus archivos (sólo se conserva su número): ${report.unstamped.join(', ')}.`;
        context.io.stdout(
          `Registro reconstruido en ${report.registryPath}: ${plural(report.bulletins, 'boletín', 'boletines')}, ${plural(report.versions, 'versión', 'versiones')}, ${plural(report.files, 'archivo', 'archivos')}.${unstamped} Compruébelo con «boletin archivo verificar». Si la numeración de algún año seguía más arriba, fíjela con «boletin archivo numeracion <año> --siguiente <n>».\n`,
        );
      } catch (error) {
        reportError(context, error);
      }
    });
}

/**
 * Opens the registry, runs the action, closes it, and turns errors into exit codes. A read-only action
 * on a registry that does not exist yet sees an empty one and creates nothing.
 */
async function run(
  context: CommandContext,
  command: Command,
  mode: { readonly readOnly: boolean; readonly outputDir?: string },
  action: (registry: Registry) => void | Promise<void>,
): Promise<void> {
  let registry: Registry | undefined;
  try {
    const { datos } = command.optsWithGlobals<ArchiveOptions>();
    const path = resolveRegistryPath({ option: datos, env: context.io.env, cwd: context.io.cwd });
    const missing = !existsSync(path);
    // No registry beside a folder of published bulletins is a lost registry, not an empty archive.
    if (missing && mode.outputDir !== undefined) refuseLostRegistry(path, mode.outputDir);
    registry = openRegistry(
      mode.readOnly && missing ? ':memory:' : path,
      mode.outputDir === undefined ? {} : { outputDir: resolve(mode.outputDir) },
    );
    if (!missing) await checkRecordedFolders(registry, mode.outputDir);
    await action(registry);
  } catch (error) {
    reportError(context, error);
  } finally {
    registry?.close();
  }
}

function reportError(context: CommandContext, error: unknown): void {
  if (error instanceof InputError) {
    context.io.stderr(`${error.message}\n`);
    context.exitCode = ExitCode.badInput;
  } else if (isPathMistake(error)) {
    context.io.stderr(`Error: ${describeSystemError(error)}\n`);
    context.exitCode = ExitCode.badInput;
  } else {
    context.io.stderr(`Error: ${describeSystemError(error)}\n`);
    context.exitCode = ExitCode.renderFailed;
  }
}

function refuseLostRegistry(path: string, outputDir: string): void {
  const evidence = archiveEvidence(outputDir);
  if (evidence === undefined) return;
  throw new RegistryError(
    `No existe el registro ${path}, pero la carpeta de salida ${resolve(outputDir)} ${evidence}. ${restoreAdvice(path, resolve(outputDir))}`,
  );
}

/**
 * The folder a command looks at, and every folder the registry recorded that still carries a marker,
 * must be this archive's; an emptied or foreign registry is refused here instead of reporting
 * "Todo en orden".
 */
async function checkRecordedFolders(registry: Registry, outputDir: string | undefined): Promise<void> {
  const recorded = registry.db
    .prepare('SELECT DISTINCT carpeta_salida AS ruta FROM versiones WHERE carpeta_salida IS NOT NULL')
    .all() as {
    ruta: string;
  }[];
  const folders = new Set(recorded.map((row) => row.ruta));
  if (outputDir !== undefined) folders.add(resolve(outputDir));
  for (const folder of folders) await checkArchiveFolder(registry, folder, { mark: false });
}

function mustFind(registry: Registry, ref: string): BulletinRecord {
  const { number, year } = parseBulletinRef(ref);
  const bulletin = findBulletin(registry, year, number);
  if (bulletin === undefined) throw new InputError(`El ${bulletinLabel(number, year)} no está en el registro.`);
  return bulletin;
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim()))
    throw new InputError(`«${text}» no es un año: escriba cuatro cifras, por ejemplo 2023.`);
  return Number(text);
}

function parsePositiveInteger(text: string, option: string): number {
  if (!/^\d{1,4}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(`${option} espera un número entero entre 1 y 9999, no «${text}».`);
  }
  return Number(text);
}

function stateText(version: BulletinVersionRecord): string {
  if (version.state !== BulletinState.inProgress) return version.state;
  if (version.owner === null || !isOwnerAlive(version.owner)) return 'en-proceso (interrumpido)';
  return `en-proceso (proceso ${version.owner.pid} en ${version.owner.host})`;
}

function summaryLine(bulletin: BulletinRecord): string {
  const current = currentVersion(bulletin);
  if (current === undefined) return bulletinLabel(bulletin.number, bulletin.year);
  const versions = bulletin.versions.length > 1 ? ` v${current.version} de ${bulletin.versions.length}` : '';
  return [
    `${bulletinLabel(bulletin.number, bulletin.year)}${versions}`,
    stateText(current),
    current.issueDate,
    current.slug,
    current.title,
  ].join('  ');
}

function describeBulletin(bulletin: BulletinRecord): string {
  const lines = [`${bulletinLabel(bulletin.number, bulletin.year)}`];
  for (const v of bulletin.versions) {
    lines.push(
      '',
      `Versión ${v.version}: ${stateText(v)}`,
      `  Título: ${v.title}`,
      `  Jornada: ${v.slug}`,
      `  Fecha de emisión: ${v.issueDate}`,
      `  Edición: ${v.edition}; estilo: ${v.style}; plantillas: ${v.templateVersion}`,
      `  Datos (sha256): ${v.datasetHash}`,
      `  Creado: ${v.createdAt} por ${v.user}${v.publishedAt === null ? '' : `; publicado: ${v.publishedAt}`}`,
      `  Carpeta de salida: ${v.outputDir ?? '(no registrada)'}`,
    );
    if (v.files.length === 0) lines.push('  Archivos: ninguno todavía');
    for (const f of v.files) lines.push(`  ${f.format}: ${f.path} (${f.bytes} bytes, sha256 ${f.sha256})`);
  }
  return `${lines.join('\n')}\n`;
}

function describeReport(report: VerificationReport): string {
  const lines: string[] = [];
  for (const v of report.versions) {
    const label = `${bulletinLabel(v.number, v.year)} v${v.version}`;
    if (v.interrupted)
      lines.push(
        `INTERRUMPIDO  ${label}: quedó en proceso; la siguiente publicación de sus datos lo termina, o «archivo liberar ${v.number}/${v.year}» lo libera`,
      );
    else if (v.state === BulletinState.inProgress) lines.push(`en proceso    ${label}`);
    for (const f of v.files) {
      if (f.status === 'ok') lines.push(`ok            ${f.absolutePath}`);
      else if (f.status === 'falta') lines.push(`FALTA         ${f.absolutePath} (${label})`);
      else {
        lines.push(
          `ALTERADO      ${f.absolutePath} (${label}): sha256 registrado ${f.expectedSha256}, encontrado ${f.actualSha256 ?? '?'} (${f.actualBytes ?? '?'} bytes, registrados ${f.expectedBytes})`,
        );
      }
    }
  }
  const files = plural(
    report.versions.reduce((n, v) => n + v.files.length, 0),
    'archivo',
    'archivos',
  );
  const versions = plural(report.versions.length, 'versión', 'versiones');
  lines.push(
    report.problems === 0
      ? `Todo en orden: ${files} de ${versions} coinciden con el registro.`
      : `${plural(report.problems, 'problema', 'problemas')} en ${files} de ${versions}.`,
  );
  return `${lines.join('\n')}\n`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
