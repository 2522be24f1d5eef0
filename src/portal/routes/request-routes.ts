import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ApprovalRequest,
  type AuditEntry,
  ApprovalError,
  RequestState,
  approveRequest,
  auditLogOfRequest,
  findRequest,
  listRequests,
  rejectRequest,
  sendForApproval,
} from '../../approval/index.ts';
import { InputError } from '../../errors.ts';
import { Action } from '../../people/index.ts';
import { bulletinLabel } from '../../publish/registry-records.ts';
import { bulletinPath, formatLabel, sizeText, writtenDate, writtenMoment } from '../archive-views.ts';
import { contentTypeOf } from '../content-types.ts';
import { sendError } from '../error-pages.ts';
import { FORMAT_PART, downloadName } from '../download-name.ts';
import { type PortalContext, frame } from '../portal-context.ts';
import { RecordedFileError } from '../recorded-files.ts';
import { BULLETIN_HTML_POLICY, FILE_POLICY } from '../security-headers.ts';
import { sendBytes } from '../send-bytes.ts';
import { csrfMatches } from '../viewer.ts';

const ID = /^\d{1,9}$/;

export function requestPath(id: number): string {
  return `/solicitudes/${id}`;
}

/** The request's state as the page says it. */
export function requestStateText(state: ApprovalRequest['state']): string {
  return state === RequestState.awaitingApproval ? 'por aprobar' : state;
}

/**
 * The approval workflow's pages: the requests awaiting approval, one request with its draft and its log,
 * and the forms that send, approve and reject. Every change goes through `src/approval`, which records the
 * person's name in the registry's log.
 */
export function requestRoutes(app: FastifyInstance, context: PortalContext): void {
  const review = { config: { action: Action.review } };

  app.get('/aprobaciones', review, async (request, reply) => {
    const rows = (state: ApprovalRequest['state']) =>
      listRequests(context.registry, { state }).map((item) => requestRow(item));
    return html(reply, context, 'aprobaciones', {
      marco: frame(request, 'Por aprobar'),
      porAprobar: rows(RequestState.awaitingApproval),
      borradores: rows(RequestState.draft),
      rechazadas: rows(RequestState.rejected),
    });
  });

  app.get<{ Params: { id: string } }>('/solicitudes/:id', review, async (request, reply) => {
    const item = lookup(context, request.params.id);
    if (item === undefined) return sendError(request, reply, context, 404, 'No existe esa solicitud.');
    return html(reply, context, 'solicitud', requestView(request, context, item));
  });

  app.get<{ Params: { id: string; formato: string } }>(
    '/solicitudes/:id/borrador/:formato',
    review,
    async (request, reply) => {
      const item = lookup(context, request.params.id);
      const { formato } = request.params;
      const record = FORMAT_PART.test(formato) ? item?.draftFiles.find((file) => file.format === formato) : undefined;
      if (item === undefined || record === undefined)
        return sendError(request, reply, context, 404, 'No existe ese borrador.');
      let file;
      try {
        file = await context.files.readUnder(item.outputDir, record);
      } catch (error) {
        if (!(error instanceof RecordedFileError)) throw error;
        return sendError(request, reply, context, 410, error.message);
      }
      const extension = record.path.split('.').at(-1) ?? formato;
      return sendBytes(request, reply, {
        bytes: file.bytes,
        contentType: contentTypeOf(extension),
        etag: `"${record.sha256}"`,
        filename: downloadName(`BORRADOR ${item.slug}`, formato, extension),
        inline: true,
        modified: file.modified,
        policy: extension === 'html' ? BULLETIN_HTML_POLICY : FILE_POLICY,
      });
    },
  );

  const change = (
    path: string,
    action: Action,
    apply: (item: ApprovalRequest, person: string, body: Record<string, string | undefined>) => Promise<string>,
  ) =>
    app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
      path,
      { config: { action } },
      async (request, reply) => {
        const body = request.body ?? {};
        if (!csrfMatches(request, body['_csrf']))
          return sendError(
            request,
            reply,
            context,
            403,
            'El formulario venció o no vino de esta página. Vuelva a abrir la solicitud.',
          );
        const item = lookup(context, request.params.id);
        if (item === undefined) return sendError(request, reply, context, 404, 'No existe esa solicitud.');
        const person = request.viewer.person?.name ?? 'local';
        try {
          const next = await apply(item, person, body);
          request.log.info(
            { persona: person, solicitud: item.id, accion: path.split('/').at(-1) },
            'cambio en una solicitud',
          );
          return reply.redirect(next, 303);
        } catch (error) {
          if (error instanceof ApprovalError) return sendError(request, reply, context, 409, error.message);
          if (error instanceof InputError) return sendError(request, reply, context, 422, error.message);
          throw error;
        }
      },
    );

  change('/solicitudes/:id/enviar', Action.upload, async (item, person) => {
    sendForApproval(context.approval, item.id, person);
    return requestPath(item.id);
  });

  change('/solicitudes/:id/aprobar', Action.approve, async (item, person, body) => {
    // Publishing renders the bulletin: it waits for any draft being rendered.
    // The page's form carries the hash of the data it showed: a request corrected since is not published.
    const outcome = await context.queue.run(() =>
      approveRequest(context.approval, item.id, person, body['huella'] ?? ''),
    );
    const { publication } = outcome;
    return publication.number === null ? requestPath(item.id) : bulletinPath(publication.year, publication.number);
  });

  change('/solicitudes/:id/rechazar', Action.approve, async (item, person, body) => {
    const reason = body['motivo'];
    rejectRequest(context.approval, item.id, person, (typeof reason === 'string' ? reason : '').slice(0, 1000));
    return requestPath(item.id);
  });
}

function lookup(context: PortalContext, id: string): ApprovalRequest | undefined {
  return ID.test(id) ? findRequest(context.registry, Number(id)) : undefined;
}

function html(reply: FastifyReply, context: PortalContext, name: string, view: object): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(context.pages.render(name, view));
}

export function requestRow(item: ApprovalRequest) {
  return {
    enlace: requestPath(item.id),
    numero: `Solicitud ${item.id}`,
    titulo: item.title,
    archivo: item.fileName,
    fecha: writtenDate(item.issueDate),
    jornada: item.slug,
    estado: requestStateText(item.state),
    estadoClase: `estado estado-${requestStateText(item.state).replace(/ /g, '-')}`,
    por: item.createdBy,
    cuando: writtenMoment(item.updatedAt),
  };
}

function requestView(request: FastifyRequest, context: PortalContext, item: ApprovalRequest) {
  const { viewer } = request;
  const base = requestPath(item.id);
  const has = (format: string) => item.draftFiles.some((file) => file.format === format);
  return {
    marco: frame(request, `Solicitud ${item.id}`),
    ...requestRow(item),
    csrf: viewer.csrf,
    vistaPrevia: has('html') ? `${base}/borrador/html` : null,
    borradores: item.draftFiles.map((file) => ({
      enlace: `${base}/borrador/${file.format}`,
      formato: formatLabel(file.format),
      tamano: sizeText(file.bytes),
    })),
    motivo: item.rejectionReason,
    aprobadoPor: item.approvedBy,
    publicado:
      item.year !== null && item.number !== null
        ? { enlace: bulletinPath(item.year, item.number), etiqueta: bulletinLabel(item.number, item.year) }
        : null,
    puedeEnviar: item.state === RequestState.draft && viewer.can(Action.upload),
    huella: item.bytesSha256,
    puedeAprobar:
      (item.state === RequestState.awaitingApproval || item.state === RequestState.approved) &&
      viewer.can(Action.approve),
    puedeRechazar:
      (item.state === RequestState.awaitingApproval || item.state === RequestState.draft) && viewer.can(Action.approve),
    bitacora: auditLogOfRequest(context.registry, item.id).map(auditRow),
  };
}

const ACTION_TEXT: Readonly<Record<string, string>> = {
  subir: 'subió los datos y preparó el borrador',
  enviar: 'envió a aprobación',
  aprobar: 'aprobó',
  publicar: 'publicó',
  'publicar-correccion': 'publicó la corrección',
  rechazar: 'rechazó',
  corregir: 'corrigió los datos',
  'error-publicacion': 'intentó publicar y falló',
};

export function auditRow(entry: AuditEntry) {
  return {
    cuando: writtenMoment(entry.at),
    orden: entry.at,
    quien: entry.person,
    que: `${ACTION_TEXT[entry.action] ?? entry.action}${entry.detail === '' ? '' : `: ${entry.detail}`}`,
  };
}
