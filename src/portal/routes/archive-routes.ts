import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ApprovalRequest,
  type AuditEntry,
  RequestState,
  auditLogOfBulletin,
  listRequests,
} from '../../approval/index.ts';
import { Action } from '../../people/index.ts';
import { auditRow, requestRow, requestStateText } from './request-routes.ts';
import { findBulletin, listBulletins } from '../../publish/registry-records.ts';
import {
  BulletinState,
  bulletinLabel,
  currentVersion,
  type BulletinRecord,
  type BulletinVersionRecord,
} from '../../publish/registry-records.ts';
import { verifyBulletins } from '../../publish/verify-bulletins.ts';
import {
  FILTERABLE_STATES,
  type ShownState,
  archiveStatus,
  bulletinPath,
  filePath,
  fileStatusOf,
  fold,
  formatLabel,
  matchesFilter,
  newestFirst,
  shownState,
  sizeText,
  stateClass,
  writtenDate,
  writtenMoment,
} from '../archive-views.ts';
import { bulletinZip } from '../bulletin-zip.ts';
import { pendingJornadas } from '../pending-jornadas.ts';
import { contentTypeOf } from '../content-types.ts';
import { type PortalContext, frame } from '../portal-context.ts';
import { RecordedFileError, versionOf } from '../recorded-files.ts';
import { BULLETIN_HTML_POLICY, FILE_POLICY } from '../security-headers.ts';
import { sendBytes } from '../send-bytes.ts';
import { sendError } from '../error-pages.ts';
import { FORMAT_PART, downloadName } from '../download-name.ts';

/** URL parts are checked against these before anything is looked up; none of them ever names a file. */
const YEAR = /^\d{4}$/;
const NUMBER = /^\d{1,4}$/;
const VERSION = /^v\d{1,3}$/;
const PAGE = /^\d{1,4}\.png$/;

interface BulletinParams {
  anio: string;
  numero: string;
}
interface VersionParams extends BulletinParams {
  version: string;
}

export function archiveRoutes(app: FastifyInstance, context: PortalContext): void {
  const download = { config: { action: Action.download } };

  app.get<{ Querystring: Record<string, string | undefined> }>('/', download, async (request, reply) => {
    const year = YEAR.test(request.query['anio'] ?? '') ? Number(request.query['anio']) : undefined;
    const stateText = request.query['estado'] ?? '';
    const state = (FILTERABLE_STATES as readonly string[]).includes(stateText) ? (stateText as ShownState) : undefined;
    const text = (request.query['q'] ?? '').slice(0, 200);
    const all = newestFirst(listBulletins(context.registry));
    const report = await context.archiveReport();
    const shown = all.filter((bulletin) => matchesFilter(bulletin, { year, state, text }));
    // Drafts and requests awaiting approval are not bulletins yet: shown to those who review them.
    const requests = request.viewer.can(Action.review)
      ? listRequests(context.registry)
          .filter((item) => item.state === RequestState.draft || item.state === RequestState.awaitingApproval)
          .filter((item) => requestMatches(item, { year, state, text }))
      : [];
    const years = [...new Set(all.map((bulletin) => bulletin.year))];
    return page(reply, context, 'lista', {
      marco: frame(request, 'Boletines'),
      filtros: {
        q: text,
        anios: years.map((value) => ({ valor: value, elegido: value === year })),
        estados: FILTERABLE_STATES.map((value) => ({ valor: value, elegido: value === state })),
        activos: year !== undefined || state !== undefined || text !== '',
      },
      filas: shown.map((bulletin) => listRow(bulletin, report)),
      solicitudes: requests.map((item) => requestRow(item)),
      total: shown.length === 1 ? '1 boletín' : `${shown.length} boletines`,
      problemas: report.problems,
      pendientes: request.viewer.can(Action.review)
        ? await pendingJornadas(
            context.registry,
            context.settings.calendarPath ?? null,
            context.settings.now(),
            request.log,
          )
        : [],
    });
  });

  app.get<{ Params: BulletinParams; Querystring: Record<string, string | undefined> }>(
    '/boletines/:anio/:numero',
    download,
    async (request, reply) => {
      const bulletin = lookup(context, request.params);
      if (bulletin === undefined)
        return sendError(request, reply, context, 404, 'No existe ese boletín en el registro.');
      const report = await verifyBulletins(context.registry, {
        year: bulletin.year,
        number: bulletin.number,
        fallbackOutputDir: context.settings.outputDir,
      });
      const current = currentVersion(bulletin) as BulletinVersionRecord;
      const label = bulletinLabel(bulletin.number, bulletin.year);
      const state = shownState(bulletin);
      return page(reply, context, 'boletin', {
        marco: frame(request, label),
        etiqueta: label,
        titulo: current.title,
        estado: state,
        estadoClase: stateClass(state),
        ficha: {
          fecha: writtenDate(current.issueDate),
          jornada: current.slug,
          edicion: current.edition,
          estilo: current.style,
          version: current.version,
          archivo: archiveStatus(report, current),
        },
        actual: versionView(current, report),
        paginas: await pageList(context, current),
        versiones: [...bulletin.versions].reverse().map((version) => ({
          ...versionView(version, report),
          esActual: version.id === current.id,
        })),
        historial: history(bulletin, auditLogOfBulletin(context.registry, bulletin.year, bulletin.number)),
      });
    },
  );

  app.get<{ Params: VersionParams & { formato: string }; Querystring: Record<string, string | undefined> }>(
    '/boletines/:anio/:numero/:version/:formato',
    download,
    async (request, reply) => {
      const found = lookupVersion(context, request.params);
      const { formato } = request.params;
      if (found === undefined || !FORMAT_PART.test(formato))
        return sendError(request, reply, context, 404, 'No existe ese archivo en el registro.');
      const { bulletin, version } = found;
      const label = bulletinLabel(bulletin.number, bulletin.year);
      const baseName = `Boletín ${label.replace('No. ', '').replace('/', '-')}${version.version > 1 ? ` v${version.version}` : ''}`;
      if (formato === 'zip') {
        const entries = [];
        for (const record of version.files) {
          const file = await readChecked(context, version, record, request, reply);
          if (file === undefined) return reply;
          entries.push({ name: record.path.split('/').at(-1) as string, bytes: file.bytes });
        }
        const zip = bulletinZip(entries);
        const etag = `"zip-${version.files.map((f) => f.sha256.slice(0, 16)).join('-')}"`;
        return sendBytes(request, reply, {
          bytes: zip,
          contentType: 'application/zip',
          etag,
          filename: `${baseName}.zip`,
          policy: FILE_POLICY,
        });
      }
      const record = version.files.find((file) => file.format === formato);
      if (record === undefined)
        return sendError(request, reply, context, 404, `Este boletín no tiene archivo ${formatLabel(formato)}.`);
      const file = await readChecked(context, version, record, request, reply);
      if (file === undefined) return reply;
      const extension = record.path.split('.').at(-1) ?? formato;
      const inline = request.query['ver'] === '1';
      return sendBytes(request, reply, {
        bytes: file.bytes,
        contentType: contentTypeOf(extension),
        etag: `"${record.sha256}"`,
        filename: downloadName(baseName, formato, extension),
        inline,
        modified: file.modified,
        policy: extension === 'html' ? BULLETIN_HTML_POLICY : FILE_POLICY,
      });
    },
  );

  app.get<{ Params: VersionParams & { pagina: string } }>(
    '/boletines/:anio/:numero/:version/paginas/:pagina',
    download,
    async (request, reply) => {
      const found = lookupVersion(context, request.params);
      const record = found?.version.files.find((file) => file.format === 'pdf');
      if (found === undefined || record === undefined || !PAGE.test(request.params.pagina)) {
        return sendError(request, reply, context, 404, 'No existe esa página.');
      }
      const file = await readChecked(context, found.version, record, request, reply);
      if (file === undefined) return reply;
      const index = Number.parseInt(request.params.pagina, 10);
      const png = await context.pageImages.page(record.sha256, file.bytes, index);
      if (png === undefined) return sendError(request, reply, context, 404, 'El PDF no tiene esa página.');
      return sendBytes(request, reply, {
        bytes: png,
        contentType: 'image/png',
        etag: `"${record.sha256.slice(0, 32)}-p${index}"`,
        filename: `página ${index}.png`,
        inline: true,
        policy: FILE_POLICY,
      });
    },
  );
}

/** The PDF's page images of a version (converted once, then cached); none when the PDF cannot be served. */
async function pageList(
  context: PortalContext,
  version: BulletinVersionRecord,
): Promise<{ src: string; alt: string }[]> {
  const record = version.files.find((file) => file.format === 'pdf');
  if (record === undefined || version.state === BulletinState.inProgress) return [];
  try {
    const file = await context.files.read(version, record);
    const names = await context.pageImages.pages(record.sha256, file.bytes);
    const base = filePath(version, 'paginas');
    return names.map((_name, index) => ({
      src: `${base}/${index + 1}.png`,
      alt: `Página ${index + 1} de ${names.length} del PDF`,
    }));
  } catch (error) {
    if (error instanceof RecordedFileError) return [];
    throw error;
  }
}

function page(reply: FastifyReply, context: PortalContext, name: string, view: object): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(context.pages.render(name, view));
}

function lookup(context: PortalContext, params: BulletinParams): BulletinRecord | undefined {
  if (!YEAR.test(params.anio) || !NUMBER.test(params.numero)) return undefined;
  return findBulletin(context.registry, Number(params.anio), Number(params.numero));
}

function lookupVersion(
  context: PortalContext,
  params: VersionParams,
): { bulletin: BulletinRecord; version: BulletinVersionRecord } | undefined {
  const bulletin = lookup(context, params);
  if (bulletin === undefined || !VERSION.test(params.version)) return undefined;
  const version = versionOf(bulletin, Number(params.version.slice(1)));
  // A version still being written has no complete set of files to give.
  if (version === undefined || version.state === BulletinState.inProgress) return undefined;
  return { bulletin, version };
}

async function readChecked(
  context: PortalContext,
  version: BulletinVersionRecord,
  record: BulletinVersionRecord['files'][number],
  request: FastifyRequest,
  reply: FastifyReply,
) {
  try {
    return await context.files.read(version, record);
  } catch (error) {
    if (!(error instanceof RecordedFileError)) throw error;
    // 410: the registry knows the file, the disk no longer has it as published.
    await sendError(
      request,
      reply,
      context,
      410,
      `${error.message} Avise a quien cuida el archivo: boletin archivo verificar.`,
    );
    return undefined;
  }
}

function requestMatches(
  item: ApprovalRequest,
  filter: { year?: number | undefined; state?: ShownState | undefined; text: string },
): boolean {
  if (filter.year !== undefined && Number(item.issueDate.slice(0, 4)) !== filter.year) return false;
  if (filter.state !== undefined && requestStateText(item.state) !== filter.state) return false;
  const text = fold(filter.text.trim());
  return text === '' || fold(`${item.title} ${item.slug} ${item.fileName} ${item.issueDate}`).includes(text);
}

function listRow(bulletin: BulletinRecord, report: Parameters<typeof archiveStatus>[0]) {
  const current = currentVersion(bulletin) as BulletinVersionRecord;
  const state = shownState(bulletin);
  return {
    enlace: bulletinPath(bulletin.year, bulletin.number),
    etiqueta: bulletinLabel(bulletin.number, bulletin.year),
    fecha: writtenDate(current.issueDate),
    jornada: current.slug,
    titulo: current.title,
    estado: state,
    estadoClase: stateClass(state),
    edicion: current.edition,
    archivo: archiveStatus(report, current),
  };
}

function versionView(version: BulletinVersionRecord, report: Parameters<typeof archiveStatus>[0]) {
  const ready = version.state !== BulletinState.inProgress;
  const html = version.files.find((file) => file.format === 'html');
  return {
    version: version.version,
    estado: version.state,
    publicadoEn: version.publishedAt === null ? 'sin publicar' : writtenMoment(version.publishedAt),
    usuario: version.user,
    archivo: archiveStatus(report, version),
    descargas: ready
      ? version.files.map((file) => {
          const status = fileStatusOf(report, version, file.path);
          return {
            enlace: filePath(version, file.format),
            formato: formatLabel(file.format),
            tamano: sizeText(file.bytes),
            sha256: file.sha256,
            estado: status === 'ok' ? null : status,
          };
        })
      : [],
    zip: ready && version.files.length > 0 ? filePath(version, 'zip') : null,
    vistaPrevia: ready && html !== undefined ? `${filePath(version, 'html')}?ver=1` : null,
  };
}

/**
 * Who did what and when, oldest first: the approval log (upload, sending, approval, publication, each with
 * the person's name), or, for a bulletin published from the command line, its versions.
 */
function history(bulletin: BulletinRecord, log: readonly AuditEntry[]) {
  const events: { cuando: string; orden: string; quien: string; que: string }[] = log.map(auditRow);
  const published = new Set(log.filter((entry) => entry.version !== null).map((entry) => entry.version));
  for (const version of bulletin.versions) {
    if (published.has(version.version)) continue;
    const what = version.version === 1 ? 'tomó el número' : `empezó la corrección (versión ${version.version})`;
    events.push({ orden: version.createdAt, cuando: writtenMoment(version.createdAt), quien: version.user, que: what });
    if (version.publishedAt !== null) {
      events.push({
        orden: version.publishedAt,
        cuando: writtenMoment(version.publishedAt),
        quien: version.user,
        que: `publicó la versión ${version.version}`,
      });
    }
  }
  return events.sort((a, b) => a.orden.localeCompare(b.orden)).map(({ orden: _orden, ...event }) => event);
}
