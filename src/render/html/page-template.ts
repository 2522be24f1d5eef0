import Handlebars from 'handlebars';
import { RenderError } from '../../errors.ts';

/**
 * The page layout template runs in its own Handlebars environment with the safe settings: strict
 * (a missing value is an error), built-in helpers only, no prototype access, and escaping on.
 * Pinned by a test.
 */
export const PAGE_COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, noEscape: false } as const;
export const PAGE_RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

export type PageTemplate = (context: object) => string;

const compiled = new Map<string, PageTemplate>();

/** Compiles the page template once per source text. */
export function compilePageTemplate(source: string): PageTemplate {
  const cached = compiled.get(source);
  if (cached !== undefined) return cached;
  if (/\{\{\{|\{\{&/.test(source)) {
    throw new RenderError('La plantilla de página no puede usar {{{ }}} ni {{& }}: todo valor se escapa.');
  }
  const handlebars = Handlebars.create();
  const template = handlebars.compile(source, PAGE_COMPILE_OPTIONS);
  const page: PageTemplate = (context) => {
    try {
      return template(context, PAGE_RUNTIME_OPTIONS);
    } catch (error) {
      throw new RenderError(`La plantilla de página falló: ${(error as Error).message}`, { cause: error });
    }
  };
  compiled.set(source, page);
  return page;
}

/** HTML the renderer built itself (every text node escaped), to pass through `{{value}}` unchanged. */
export function trustedHtml(html: string): Handlebars.SafeString {
  return new Handlebars.SafeString(html);
}
