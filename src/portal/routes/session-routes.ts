import type { FastifyInstance } from 'fastify';
import {
  UNKNOWN_ACCOUNT_HASH,
  clearFailedSignIns,
  closeSession,
  findPerson,
  openSession,
  recordFailedSignIn,
  signInWait,
  throttleKeys,
  verifyPassword,
} from '../../people/index.ts';
import { sendError, safeNext } from '../error-pages.ts';
import { type PortalContext, frame } from '../portal-context.ts';
import { SESSION_COOKIE, csrfMatches } from '../viewer.ts';

interface SignInBody {
  _csrf?: string;
  usuario?: string;
  contrasena?: string;
  siguiente?: string;
}

export function sessionRoutes(app: FastifyInstance, context: PortalContext, secureCookies: () => boolean): void {
  app.get<{ Querystring: { siguiente?: string } }>('/entrar', async (request, reply) => {
    return reply.type('text/html; charset=utf-8').send(
      context.pages.render('entrar', {
        marco: frame(request, 'Iniciar sesión'),
        csrf: request.viewer.csrf,
        siguiente: safeNext(request.query.siguiente ?? '/'),
        usuario: '',
        error: null,
      }),
    );
  });

  app.post<{ Body: SignInBody }>('/entrar', async (request, reply) => {
    const body = request.body ?? {};
    if (!csrfMatches(request, body._csrf))
      return sendError(
        request,
        reply,
        context,
        403,
        'El formulario venció o no vino de esta página. Vuelva a abrir la página de inicio de sesión.',
      );
    const username = String(body.usuario ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 64);
    const password = String(body.contrasena ?? '').slice(0, 500);
    const next = safeNext(body.siguiente ?? '/');
    const keys = throttleKeys(username, request.ip);
    const now = context.settings.now();
    const wait = signInWait(context.registry, keys, now);
    const again = (status: number, message: string) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(
          context.pages.render('entrar', {
            marco: frame(request, 'Iniciar sesión'),
            csrf: request.viewer.csrf,
            siguiente: next,
            usuario: username,
            error: message,
          }),
        );
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      return again(
        429,
        `Demasiados intentos fallidos. Espere ${Math.ceil(wait / 1000)} segundos y vuelva a intentarlo.`,
      );
    }
    const person = findPerson(context.registry, username);
    // Counted as failed before the hash is checked, in the same synchronous step as the wait above: attempts
    // sent at once each see the ones before them, instead of all passing the check while the first hashes.
    // A right password clears the count below.
    recordFailedSignIn(context.registry, keys, now);
    // The hash is checked even for an unknown account, so the time taken does not tell which accounts exist.
    const good = await verifyPassword(password, person?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (person === undefined || !good) {
      request.log.warn({ usuario: username, ip: request.ip }, 'inicio de sesión fallido');
      return again(401, 'El usuario o la contraseña no son correctos.');
    }
    clearFailedSignIns(context.registry, keys);
    if (request.viewer.sessionToken !== null) closeSession(context.registry, request.viewer.sessionToken);
    const { token, session } = openSession(context.registry, person.id, now);
    request.log.info({ usuario: person.username }, 'inicio de sesión');
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies() || request.protocol === 'https',
      expires: new Date(session.expiresAt),
    });
    return reply.redirect(next, 303);
  });

  app.post<{ Body: { _csrf?: string } }>('/salir', async (request, reply) => {
    if (!csrfMatches(request, request.body?._csrf))
      return sendError(request, reply, context, 403, 'El formulario venció o no vino de esta página.');
    if (request.viewer.sessionToken !== null) closeSession(context.registry, request.viewer.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/entrar', 303);
  });
}
