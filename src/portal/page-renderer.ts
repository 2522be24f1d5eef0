import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, RUNTIME_OPTIONS } from '../compose/template-engine.ts';
import { DEFAULT_TEMPLATES_DIR } from '../render/assets/layout-assets.ts';

/** The pages of the download page, by template name (templates/portal/<name>.hbs). */
export interface PageRenderer {
  render(name: string, view: object): string;
}

/**
 * Server-side pages with the project's Handlebars settings: strict, known helpers only (the built-ins),
 * no prototype access, every value escaped. Files starting with "_" are partials; `_marco` is the frame
 * every page wraps itself in with `{{#> _marco}}...{{/_marco}}`. Views are plain data built by the routes.
 */
export function createPageRenderer(folder: string = join(DEFAULT_TEMPLATES_DIR, 'portal')): PageRenderer {
  const handlebars = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.hbs'))) {
    const name = basename(file, '.hbs');
    const template = handlebars.compile(readFileSync(join(folder, file), 'utf8'), COMPILE_OPTIONS);
    if (name.startsWith('_')) handlebars.registerPartial(name, template);
    else compiled.set(name, template);
  }
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (template === undefined) throw new Error(`No existe la página «${name}» en templates/portal/.`);
      return template(view, RUNTIME_OPTIONS);
    },
  };
}
