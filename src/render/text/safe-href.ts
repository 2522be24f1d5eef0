import { RenderError } from '../../errors.ts';

const SAFE_SCHEME = /^(https?:\/\/|mailto:)/i;

/**
 * Compose only lets http, https and mailto links into the model; a renderer checks again, because
 * a `javascript:` address in an HTML page or a Word file would run on a reader's click.
 */
export function safeHref(href: string): string {
  if (!SAFE_SCHEME.test(href) || /[\s<>"]/.test(href)) {
    throw new RenderError(`Enlace no permitido en el documento: «${href}» (se aceptan http://, https:// y mailto:).`);
  }
  return href;
}
