import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  type ApprovalContext,
  type ApprovalRequest,
  type AuditEntry,
  type RequestOptions,
  approveRequest,
  auditLogOfBulletin,
  auditLogOfRequest,
  correctRequest,
  isRequestState,
  listRequests,
  ALL_REQUEST_STATES,
  recentAudit,
  rejectRequest,
  sendForApproval,
  submitDataset,
} from '../../approval/index.ts';
import { formatProblems } from '../../dataset/format-problems.ts';
import { InputError } from '../../errors.ts';
import type { OutputFormat } from '../../generate/output-format.ts';
import { PROJECT_DIR } from '../../publish/data-folder.ts';
import {
  bulletinLabel,
  openRegistry,
  parseBulletinRef,
  resolveRegistryPath,
  type Registry,
} from '../../publish/index.ts';
import { currentUserName } from '../../publish/process-owner.ts';
import type { CommandContext } from '../command-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { parseFormats, parseNumber } from './generar.ts';
import { DATOS_OPTION, listSubcommandsByUsage } from '../spanish-help.ts';

/** Options every `aprobacion` subcommand accepts (declared on `aprobacion` itself). */
interface ApprovalOptions {
  readonly datos?: string;
  readonly persona?: string;
  readonly navegador?: string;
}

/** Environment variable naming the person, for offices that run the CLI from a shared account. */
export const PERSON_ENV = 'BOLETIN_PERSONA';

/**
 * `boletin aprobacion ...`: drafts awaiting a person's approval. subir, listar, enviar, aprobar,
 * rechazar, corregir, bitacora. The same library as the download page: approving publishes through the
 * same path as `boletin generar`. Exit codes: 0 done; 2 bad input (invalid data, wrong state, unknown
 * request); 1 when publishing fails otherwise.
 */
export function registerAprobacion(program: Command, context: CommandContext): void {
  const aprobacion = program
    .command('aprobacion')
    .usage('[opciones] <comando>')
    .description(
      'borradores que esperan la aprobación de una persona: subir, enviar, aprobar (publica con número), rechazar',
    )
    .option(...DATOS_OPTION)
    .option(
      '--persona <nombre>',
      `quién hace el cambio, para la bitácora (por omisión $${PERSON_ENV} o el usuario del sistema)`,
    )
    .option('--navegador <ruta>', 'ruta de Chrome o Chromium (o PUPPETEER_EXECUTABLE_PATH)');
  listSubcommandsByUsage(aprobacion, program);

  aprobacion
    .command('subir')
    .usage('[opciones] <archivo>')
    .description(
      'valida unos datos y genera su borrador (sin número, con la marca «BORRADOR»): queda en estado borrador',
    )
    .argument('<archivo>', 'datos de la jornada (.json, .yaml, .xlsx)')
    .option('-s, --salida <carpeta>', 'carpeta de salida (por omisión, output/ del proyecto)')
    .option('-f, --formatos <lista>', 'formatos separados por comas (html, pdf, docx, md)', parseFormats)
    .option('-n, --numero <n>', 'número que tomará al publicarse', parseNumber)
    .option('--fecha <aaaa-mm-dd>', 'fecha de emisión')
    .option('--estilo <nombre>', 'estilo de las cifras')
    .option('--correccion', 'al aprobarse, publica una nueva versión de un número ya emitido')
    .option('--estricto', 'los avisos de los datos también detienen')
    .option('--enviar', 'lo envía a aprobación en el mismo paso')
    .action(async (archivo: string, options: SubmitOptions, command: Command) => {
      await run(context, command, async (approval, person) => {
        const path = resolve(context.io.cwd, archivo);
        const bytes = await readDataset(path);
        const outputDir =
          options.salida === undefined ? join(PROJECT_DIR, 'output') : resolve(context.io.cwd, options.salida);
        let request = await submitDataset(approval, {
          bytes,
          fileName: basename(path),
          person,
          outputDir,
          options: requestOptions(options),
        });
        if (options.enviar === true) request = sendForApproval(approval, request.id, person);
        context.io.stdout(describeRequest(request));
      });
    });

  aprobacion
    .command('listar')
    .usage('[opciones]')
    .description('lista las solicitudes, la más reciente primero, con su estado')
    .option('--estado <estado>', `solo las de ese estado (${ALL_REQUEST_STATES.join(', ')})`)
    .option('--json', 'escribe la lista en JSON')
    .action(async (options: { estado?: string; json?: boolean }, command: Command) => {
      await run(
        context,
        command,
        (approval) => {
          const state = options.estado;
          if (state !== undefined && !isRequestState(state)) {
            throw new InputError(`«${state}» no es un estado de solicitud: use ${ALL_REQUEST_STATES.join(', ')}.`);
          }
          const requests = listRequests(approval.registry, state === undefined ? {} : { state });
          if (options.json === true) return context.io.stdout(`${JSON.stringify(requests, null, 2)}\n`);
          if (requests.length === 0) context.io.stdout('No hay solicitudes.\n');
          for (const request of requests) context.io.stdout(`${summaryLine(request)}\n`);
        },
        { readOnly: true },
      );
    });

  aprobacion
    .command('enviar')
    .usage('[opciones] <solicitud>')
    .description('envía un borrador a aprobación')
    .argument('<solicitud>', 'número de la solicitud (vea «aprobacion listar»)')
    .action(async (id: string, _options: unknown, command: Command) => {
      await run(context, command, (approval, person) => {
        context.io.stdout(describeRequest(sendForApproval(approval, parseId(id), person)));
      });
    });

  aprobacion
    .command('aprobar')
    .usage('[opciones] <solicitud>')
    .description('aprueba una solicitud por aprobar: se publica con su número, a nombre de quien aprueba')
    .argument('<solicitud>', 'número de la solicitud')
    .action(async (id: string, _options: unknown, command: Command) => {
      await run(context, command, async (approval, person) => {
        const { request, publication } = await approveRequest(approval, parseId(id), person);
        context.io.stdout(describeRequest(request));
        for (const file of publication.files) context.io.stdout(`  ${file.path}\n`);
      });
    });

  aprobacion
    .command('rechazar')
    .usage('[opciones] <solicitud> --motivo <texto>')
    .description('rechaza un borrador o una solicitud por aprobar, con el motivo')
    .argument('<solicitud>', 'número de la solicitud')
    .requiredOption('--motivo <texto>', 'por qué se rechaza (queda en la bitácora)')
    .action(async (id: string, options: { motivo: string }, command: Command) => {
      await run(context, command, (approval, person) => {
        context.io.stdout(describeRequest(rejectRequest(approval, parseId(id), person, options.motivo)));
      });
    });

  aprobacion
    .command('corregir')
    .usage('[opciones] <solicitud> <archivo>')
    .description(
      'da datos nuevos a una solicitud sin publicar: vuelve a borrador y la bitácora lo anota como corrección',
    )
    .argument('<solicitud>', 'número de la solicitud')
    .argument('<archivo>', 'los datos corregidos')
    .action(async (id: string, archivo: string, _options: unknown, command: Command) => {
      await run(context, command, async (approval, person) => {
        const path = resolve(context.io.cwd, archivo);
        const request = await correctRequest(approval, parseId(id), {
          bytes: await readDataset(path),
          fileName: basename(path),
          person,
        });
        context.io.stdout(describeRequest(request));
      });
    });

  aprobacion
    .command('bitacora')
    .usage('[opciones] [solicitud]')
    .description('quién hizo qué y cuándo: de una solicitud, de un boletín (--boletin 93/2023) o lo más reciente')
    .argument('[solicitud]', 'número de la solicitud')
    .option('--boletin <número/año>', 'la historia de un boletín numerado')
    .option('--json', 'escribe la bitácora en JSON')
    .action(async (id: string | undefined, options: { boletin?: string; json?: boolean }, command: Command) => {
      await run(
        context,
        command,
        (approval) => {
          const { registry } = approval;
          let entries: AuditEntry[];
          if (options.boletin !== undefined) {
            const { number, year } = parseBulletinRef(options.boletin);
            entries = auditLogOfBulletin(registry, year, number);
          } else
            entries = id === undefined ? recentAudit(registry).reverse() : auditLogOfRequest(registry, parseId(id));
          if (options.json === true) return context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
          if (entries.length === 0) context.io.stdout('La bitácora no tiene entradas para eso.\n');
          for (const entry of entries) context.io.stdout(`${auditLine(entry)}\n`);
        },
        { readOnly: true },
      );
    });
}

interface SubmitOptions {
  readonly salida?: string;
  readonly formatos?: OutputFormat[];
  readonly numero?: number;
  readonly fecha?: string;
  readonly estilo?: string;
  readonly correccion?: boolean;
  readonly estricto?: boolean;
  readonly enviar?: boolean;
}

function requestOptions(options: SubmitOptions): RequestOptions {
  return {
    ...(options.formatos !== undefined ? { formats: options.formatos } : {}),
    ...(options.numero !== undefined ? { number: options.numero } : {}),
    ...(options.fecha !== undefined ? { issueDate: options.fecha } : {}),
    ...(options.estilo !== undefined ? { style: options.estilo } : {}),
    ...(options.correccion === true ? { correction: true } : {}),
    ...(options.estricto === true ? { strict: true } : {}),
  };
}

/** Reads the file the user named; a missing one is bad input, said in Spanish. */
async function readDataset(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: ${code === 'ENOENT' ? 'el archivo no existe; revise la ruta' : `no se pudo leer (${code ?? 'error'})`}.`,
    );
  }
}

function parseId(text: string): number {
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError(
      `«${text}» no es un número de solicitud: escriba el número que muestra «boletin aprobacion listar», por ejemplo 3.`,
    );
  }
  return Number(text);
}

function summaryLine(request: ApprovalRequest): string {
  const number =
    request.number === null || request.year === null
      ? ''
      : `  ${bulletinLabel(request.number, request.year)} v${request.version ?? 1}`;
  return `${String(request.id).padStart(4)}  ${request.state.padEnd(11)}  ${request.issueDate}  ${request.slug}  ${request.fileName}${number}  ${request.title}`;
}

function describeRequest(request: ApprovalRequest): string {
  const lines = [
    `Solicitud ${request.id}: ${request.state}`,
    `  Título: ${request.title}`,
    `  Datos: ${request.fileName} (sha256 ${request.bytesSha256})`,
  ];
  lines.push(`  Subida por ${request.createdBy} el ${request.createdAt}`);
  if (request.rejectionReason !== null) lines.push(`  Motivo del rechazo: ${request.rejectionReason}`);
  if (request.approvedBy !== null) lines.push(`  Aprobada por ${request.approvedBy} el ${request.approvedAt ?? ''}`);
  if (request.number !== null && request.year !== null)
    lines.push(`  Publicada como ${bulletinLabel(request.number, request.year)} (versión ${request.version ?? 1})`);
  else
    for (const file of request.draftFiles)
      lines.push(`  Borrador ${file.format}: ${join(request.outputDir, file.path)}`);
  return `${lines.join('\n')}\n`;
}

function auditLine(entry: AuditEntry): string {
  const what = entry.requestId === null ? '' : ` solicitud ${entry.requestId}`;
  const number = entry.number === null || entry.year === null ? '' : ` ${bulletinLabel(entry.number, entry.year)}`;
  return `${entry.at}  ${entry.person}  ${entry.action}${what}${number}${entry.detail === '' ? '' : `: ${entry.detail}`}`;
}

/**
 * Opens the registry, runs the action with the person's name, closes it, and turns errors into exit
 * codes. A read-only action on a registry that does not exist yet sees an empty one and creates nothing.
 */
async function run(
  context: CommandContext,
  command: Command,
  action: (approval: ApprovalContext, person: string) => void | Promise<void>,
  mode: { readonly readOnly: boolean } = { readOnly: false },
): Promise<void> {
  let registry: Registry | undefined;
  try {
    const { datos, persona, navegador } = command.optsWithGlobals<ApprovalOptions>();
    const path = resolveRegistryPath({ option: datos, env: context.io.env, cwd: context.io.cwd });
    registry = openRegistry(mode.readOnly && !existsSync(path) ? ':memory:' : path);
    const person = persona ?? context.io.env[PERSON_ENV] ?? currentUserName();
    await action(
      {
        registry,
        signal: context.io.signal,
        ...(navegador !== undefined ? { browser: { executablePath: navegador } } : {}),
      },
      person,
    );
  } catch (error) {
    if (error instanceof InputError) {
      context.io.stderr(error.problems.length > 0 ? `${formatProblems(error.problems)}\n` : `${error.message}\n`);
      context.io.stderr('No se cambió nada.\n');
      context.exitCode = ExitCode.badInput;
    } else {
      context.io.stderr(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
      context.exitCode = ExitCode.renderFailed;
    }
  } finally {
    registry?.close();
  }
}
