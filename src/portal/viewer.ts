import { userInfo } from 'node:os';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Action, type Role, readSession, randomToken, roleAllows, sameToken } from '../people/index.ts';
import type { Registry } from '../publish/registry.ts';

export const SESSION_COOKIE = 'boletin_sesion';
/** Double-submit token for forms sent without a session (sign-in, single-user mode). */
export const FORM_COOKIE = 'boletin_formulario';

/** Who is asking: a signed-in person, the local user of single-user mode, or nobody. */
export interface Viewer {
  readonly person: {
    readonly id: number | null;
    readonly username: string;
    readonly name: string;
    readonly role: Role | null;
  } | null;
  /** The token changing forms must carry. */
  readonly csrf: string;
  readonly sessionToken: string | null;
  readonly local: boolean;
  can(action: Action): boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
  interface FastifyContextConfig {
    /** What the route does, checked against the viewer's role before the handler runs; omitted: public. */
    action?: Action;
  }
}

/** The local user's name, recorded beside what they do in single-user mode. */
export function localPersonName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'usuario local';
  }
}

/** Reads the session cookie (or takes the local user) and sets `request.viewer`. */
export function identify(
  request: FastifyRequest,
  reply: FastifyReply,
  registry: Registry,
  singleUser: boolean,
  now: Date,
  secure: boolean,
): void {
  const token = request.cookies[SESSION_COOKIE];
  const session = token === undefined ? undefined : readSession(registry, token, now);
  if (session !== undefined && token !== undefined) {
    const { person } = session;
    request.viewer = {
      person: { id: person.id, username: person.username, name: person.name, role: person.role },
      csrf: session.csrfToken,
      sessionToken: token,
      local: false,
      can: (action) => roleAllows(person.role, action),
    };
    return;
  }
  let formToken = request.cookies[FORM_COOKIE];
  if (formToken === undefined || !/^[A-Za-z0-9_-]{43}$/.test(formToken)) {
    formToken = randomToken();
    reply.setCookie(FORM_COOKIE, formToken, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  }
  const name = localPersonName();
  request.viewer = {
    person: singleUser ? { id: null, username: name, name, role: null } : null,
    csrf: formToken,
    sessionToken: null,
    local: singleUser,
    can: () => singleUser,
  };
}

/** True when the form's token is the viewer's. */
export function csrfMatches(request: FastifyRequest, sent: unknown): boolean {
  return sameToken(sent, request.viewer.csrf);
}

export { Action };
