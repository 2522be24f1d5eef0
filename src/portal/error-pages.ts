import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PortalContext } from './portal-context.ts';
import { frame } from './portal-context.ts';
import { PAGE_POLICY } from './security-headers.ts';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Solicitud no válida',
  401: 'Inicie sesión',
  403: 'Sin permiso',
  404: 'No encontrado',
  405: 'Método no permitido',
  409: 'Conflicto',
  410: 'Archivo no disponible',
  413: 'Archivo demasiado grande',
  414: 'Dirección demasiado larga',
  415: 'Tipo de contenido no aceptado',
  416: 'Rango no válido',
  429: 'Demasiados intentos',
  500: 'Error del servidor',
};

/** A Spanish page for an error: what happened and what to do, within the usual frame. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  context: PortalContext,
  status: number,
  message: string,
): FastifyReply {
  const title = TITLES[status] ?? 'Error';
  // The error's own page and policy, never a file's set before the error was known.
  reply.removeHeader('content-disposition');
  reply.header('content-security-policy', PAGE_POLICY);
  reply.removeHeader('etag');
  reply.removeHeader('content-range');
  const view = {
    marco: frame(request, title),
    titulo: title,
    mensaje: message,
    entrar: status === 401 ? { siguiente: safeNext(request.url), csrf: request.viewer.csrf } : null,
  };
  return reply.code(status).type('text/html; charset=utf-8').send(context.pages.render('error', view));
}

/** Where to go after signing in: a path of this site only. */
export function safeNext(url: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(url) && url.length < 500 ? url : '/';
}
