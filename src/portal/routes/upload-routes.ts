import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../errors.ts';
import { Action } from '../../people/index.ts';
import { sizeText } from '../archive-views.ts';
import { sendError } from '../error-pages.ts';
import { type PortalContext, frame } from '../portal-context.ts';
import { UPLOAD_EXTENSIONS, UploadJobs, UploadState, type UploadJob } from '../upload-jobs.ts';
import { csrfMatches } from '../viewer.ts';
import { requestPath } from './request-routes.ts';
import { foreignFileKind } from '../../dataset/file-signature.ts';

/** A file name the upload keeps: letters, digits, spaces and ._()- , with a dataset's extension. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,99}$/u;

export function uploadRoutes(app: FastifyInstance, context: PortalContext): UploadJobs {
  const jobs = new UploadJobs(context.settings.workDir);
  const upload = { config: { action: Action.upload } };

  app.get('/subir', upload, async (request, reply) => uploadForm(request, reply, context, 200, null, []));

  app.post('/subir', upload, async (request, reply) => {
    if (!request.isMultipart())
      return sendError(request, reply, context, 415, 'Envíe el formulario de la página «Subir datos».');
    const person = request.viewer.person;
    const job = await jobs.create(person?.username ?? 'local', person?.name ?? 'local', context.settings.now());
    const saved: { name: string; path: string }[] = [];
    let csrfChecked = false;
    try {
      for await (const part of request.parts()) {
        // The token comes first in the form, so nothing is read from a forged request.
        if (!csrfChecked) {
          if (part.type !== 'field' || part.fieldname !== '_csrf' || !csrfMatches(request, String(part.value))) {
            await jobs.discard(job);
            return sendError(
              request,
              reply,
              context,
              403,
              'El formulario venció o no vino de esta página. Vuelva a abrir «Subir datos».',
            );
          }
          csrfChecked = true;
          continue;
        }
        if (part.type !== 'file') continue;
        if (part.filename === '') {
          await part.toBuffer();
          continue;
        }
        const name = basename(part.filename.replace(/\\/g, '/')).normalize('NFC');
        const extension = name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
        if (
          !SAFE_NAME.test(name) ||
          !(UPLOAD_EXTENSIONS as readonly string[]).includes(extension) ||
          saved.some((file) => file.name === name)
        ) {
          await part.toBuffer();
          await jobs.discard(job);
          const problem = refusedName(name, extension);
          return uploadForm(request, reply, context, 400, `No se aceptó «${name.slice(0, 100)}».`, [problem]);
        }
        const bytes = await part.toBuffer();
        const foreign = foreignFileKind(bytes, extension);
        if (foreign !== undefined) {
          await jobs.discard(job);
          return uploadForm(
            request,
            reply,
            context,
            422,
            `No se aceptó «${name}»: es ${foreign}, no los datos de una jornada.`,
            [
              {
                severity: 'error',
                file: name,
                place: '(archivo)',
                message: `el archivo es ${foreign}, aunque su nombre termine en .${extension}`,
                fix: 'Suba el libro de Excel de la jornada (.xlsx) o su archivo .json o .yaml; descargue la plantilla en blanco si no lo tiene.',
              },
            ],
          );
        }
        const path = join(job.folder, name);
        await writeFile(path, bytes, { flag: 'wx' });
        saved.push({ name, path });
      }
    } catch (error) {
      await jobs.discard(job);
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        return uploadForm(
          request,
          reply,
          context,
          413,
          `El archivo pasa del límite de ${sizeText(context.settings.maxUploadBytes)}: los datos de una jornada pesan unos pocos kilobytes. Revise que sea el archivo correcto.`,
          [],
        );
      }
      throw error;
    }
    if (!csrfChecked) {
      await jobs.discard(job);
      return sendError(
        request,
        reply,
        context,
        403,
        'El formulario no trae su código de seguridad. Vuelva a abrir «Subir datos».',
      );
    }
    if (saved.length === 0) {
      await jobs.discard(job);
      return uploadForm(request, reply, context, 400, 'Elija al menos un archivo de datos.', []);
    }
    if (!(await jobs.validate(job, saved))) {
      request.log.info({ usuario: job.owner, archivos: job.fileNames }, 'datos rechazados');
      return reply
        .code(422)
        .type('text/html; charset=utf-8')
        .send(context.pages.render('subida', uploadView(request, job)));
    }
    void jobs.submitAll(job, context.approval, context.settings.outputDir, context.queue);
    request.log.info({ usuario: job.owner, archivos: job.fileNames }, 'datos subidos');
    return reply.redirect(`/subidas/${job.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/subidas/:id', upload, async (request, reply) => {
    const job = ownJob(jobs, request);
    if (job === undefined)
      return sendError(
        request,
        reply,
        context,
        404,
        'No existe esa subida (el informe de una subida se guarda un día, y se olvida al reiniciar el servicio). Sus solicitudes siguen en Aprobaciones.',
      );
    return reply.type('text/html; charset=utf-8').send(context.pages.render('subida', uploadView(request, job)));
  });

  return jobs;
}

/** An upload is seen by the person who made it (and in single-user mode by the one user). */
function ownJob(jobs: UploadJobs, request: FastifyRequest<{ Params: { id: string } }>): UploadJob | undefined {
  const job = jobs.get(request.params.id);
  const me = request.viewer.person?.username ?? 'local';
  return job !== undefined && job.owner === me ? job : undefined;
}

function refusedName(name: string, extension: string): Problem {
  const known = (UPLOAD_EXTENSIONS as readonly string[]).includes(extension);
  return {
    severity: 'error',
    file: name.slice(0, 100),
    place: '(archivo)',
    message: known
      ? 'el nombre del archivo tiene caracteres que la página no acepta (o se eligió dos veces)'
      : extension === ''
        ? 'el archivo no tiene extensión'
        : `la página no recibe archivos «.${extension}»`,
    fix: 'Suba los datos de la jornada en .json, .yaml, .xlsx (y la tabla de estados en .csv), con un nombre de letras, cifras y guiones.',
  };
}

function uploadForm(
  request: FastifyRequest,
  reply: FastifyReply,
  context: PortalContext,
  status: number,
  error: string | null,
  problems: readonly Problem[],
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      context.pages.render('subir', {
        marco: frame(request, 'Subir datos'),
        csrf: request.viewer.csrf,
        limite: sizeText(context.settings.maxUploadBytes),
        error,
        problemas: problemViews(problems),
      }),
    );
}

export function problemViews(problems: readonly Problem[]) {
  const ordered = [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'aviso'),
  ];
  return ordered.map((problem) => ({
    gravedad: problem.severity,
    esError: problem.severity === 'error',
    archivo: problem.file,
    lugar: problem.place,
    mensaje: problem.message,
    arreglo: problem.fix ?? null,
  }));
}

function uploadView(request: FastifyRequest, job: UploadJob) {
  const working = job.state === UploadState.queued || job.state === UploadState.rendering;
  return {
    marco: frame(request, 'Subida de datos', working ? 2 : null),
    id: job.id,
    estado: job.state,
    trabajando: working,
    rechazado: job.state === UploadState.refused,
    progreso:
      job.progress ?? (job.state === UploadState.queued ? 'En espera de turno para preparar los borradores.' : null),
    error: job.error,
    archivos: job.fileNames.join(', '),
    problemas: problemViews(job.problems),
    csrf: request.viewer.csrf,
    borradores: job.datasets.map((dataset, index) => ({
      indice: index,
      archivo: dataset.fileName,
      titulo: dataset.request?.title ?? null,
      listo: dataset.request !== undefined,
      error: dataset.error ?? null,
      solicitud: dataset.request === undefined ? null : requestPath(dataset.request.id),
      vistaPrevia: dataset.request === undefined ? null : `${requestPath(dataset.request.id)}/borrador/html`,
      pdf: dataset.request === undefined ? null : `${requestPath(dataset.request.id)}/borrador/pdf`,
      enviar: dataset.request === undefined ? null : `${requestPath(dataset.request.id)}/enviar`,
      porEnviar: dataset.request?.state === 'borrador',
    })),
  };
}
