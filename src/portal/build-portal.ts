import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { countPeople } from '../people/index.ts';
import { openRegistry, type Registry } from '../publish/registry.ts';
import { sendError } from './error-pages.ts';
import { createPageRenderer } from './page-renderer.ts';
import { PdfPageImages } from './pdf-page-images.ts';
import { type PortalContext, type PortalSettings, cachedArchiveReport } from './portal-context.ts';
import { RecordedFileReader } from './recorded-files.ts';
import { RenderQueue } from './render-queue.ts';
import { requestRoutes } from './routes/request-routes.ts';
import { archiveRoutes } from './routes/archive-routes.ts';
import { assetRoutes } from './routes/asset-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { uploadRoutes } from './routes/upload-routes.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { type Viewer, identify } from './viewer.ts';

export interface BuildPortalOptions extends PortalSettings {
  /** Trust X-Forwarded-For/-Proto from this reverse proxy (an address, "loopback", or a hop count). */
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * The download page as a Fastify app, not yet listening: the CLI's `npm run portal` listens on it, tests
 * call `inject` or listen on port 0. It opens the registry and closes it when the app closes.
 */
export async function buildPortal(
  options: BuildPortalOptions,
): Promise<{ app: FastifyInstance; context: PortalContext }> {
  const registry: Registry = openRegistry(options.registryPath);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Form posts are small; uploads go through multipart with their own limit.
    bodyLimit: 64 * 1024,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // One line per request in English is noise for staff; the page logs sign-ins, uploads and approvals itself.
    disableRequestLogging: true,
    // An address Fastify cannot route ("/%", a part over maxParamLength) is answered before any hook, by
    // default in English JSON without the page's headers: a Spanish page instead, for an anonymous viewer
    // (no cookie has been read yet).
    frameworkErrors: (error, request, reply) => {
      request.viewer = ANONYMOUS;
      addSecurityHeaders(request, reply);
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendError(
        request,
        reply,
        context,
        tooLong ? 414 : 400,
        tooLong
          ? 'La dirección es demasiado larga. Vuelva a la lista de boletines.'
          : 'La dirección no es válida. Vuelva a la lista de boletines.',
      );
    },
  });
  const context: PortalContext = {
    settings: options,
    registry,
    pages: createPageRenderer(),
    files: new RecordedFileReader(options.outputDir),
    pageImages: new PdfPageImages(join(options.workDir, 'paginas')),
    archiveReport: cachedArchiveReport(registry, options.outputDir, options.archiveCheckMaxAgeMs),
    approval: { registry, clock: options.now, browser: options.browser },
    queue: new RenderQueue(),
  };
  app.addHook('onClose', async () => registry.close());

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  // The pages post forms only; a JSON body would hand the routes objects where they expect text.
  app.removeContentTypeParser('application/json');
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.maxUploadBytes, files: 10, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 50 },
    throwFileSizeLimit: true,
  });

  const secure = () => options.trustProxy !== undefined && options.trustProxy !== false;
  app.decorateRequest('viewer', null as never);
  // Single-user mode lasts while there is no account: the first one created closes it, without a restart.
  // One way: removing the last account later does not open the page again.
  let open = options.singleUser;
  const singleUser = (): boolean => (open &&= countPeople(registry) === 0);
  app.addHook('onRequest', async (request, reply) => {
    identify(request, reply, registry, singleUser(), options.now(), request.protocol === 'https');
  });
  // Every route that names an action is closed to whoever may not do it; sign-in comes first.
  app.addHook('preHandler', async (request, reply) => {
    const action = request.routeOptions.config.action;
    if (action === undefined) return;
    if (request.viewer.person === null)
      return sendError(request, reply, context, 401, 'Inicie sesión para ver esta página.');
    if (!request.viewer.can(action)) {
      return sendError(
        request,
        reply,
        context,
        403,
        `Su rol (${request.viewer.person.role ?? ''}) no permite ${actionText(action)}.`,
      );
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    addSecurityHeaders(request, reply);
    return payload;
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, context, 404, 'No existe esa página. Vuelva a la lista de boletines.'),
  );
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    // viewer is set on every request that reached onRequest; a parse error before it still gets a page.
    if ((request.viewer as unknown) === null) identify(request, reply, registry, singleUser(), options.now(), false);
    return sendError(request, reply, context, status, errorText(status, error));
  });

  await assetRoutes(app);
  archiveRoutes(app, context);
  sessionRoutes(app, context, secure);
  uploadRoutes(app, context);
  requestRoutes(app, context);
  return { app, context };
}

/** Who a request is before its cookies are read: nobody, allowed nothing. */
const ANONYMOUS: Viewer = { person: null, csrf: '', sessionToken: null, local: false, can: () => false };

function actionText(action: string): string {
  if (action === 'subir') return 'subir datos';
  if (action === 'aprobar') return 'aprobar boletines';
  if (action === 'revisar') return 'ver las solicitudes y sus borradores';
  return 'descargar';
}

function errorText(status: number, error: Error & { code?: string }): string {
  if (error.code === 'FST_FILES_LIMIT') return 'Suba un solo archivo de datos a la vez.';
  if (error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT')
    return 'El formulario trae más campos de los que tiene esta página.';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'El formulario es demasiado grande para esta página.';
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' || status === 413)
    return 'El archivo es demasiado grande para los datos de una jornada.';
  if (status === 415) return 'La página no acepta ese tipo de contenido.';
  if (status === 500) return 'Algo falló en el servidor; el error quedó en el registro del servicio.';
  return 'La solicitud no es válida.';
}
