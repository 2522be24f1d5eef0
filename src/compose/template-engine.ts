import Handlebars from 'handlebars';
import type { Gender, NounForms, Phrasing } from '../lang/phrasing.ts';
import type { FigureSource } from '../model/bulletin-document.ts';
import { joinMarked, markFigure } from './figure-marks.ts';
import { countSource, dateSource, namedSource, percentSource } from './figure-source.ts';

/**
 * The Handlebars environment the office's templates run in. Every helper writes through the phrasing
 * module, so a template never formats a figure, a date or a list by itself.
 *
 * Security defaults, pinned by a test: strict (a missing field is an error, not an empty string),
 * known helpers only, no prototype access, and `{{value}}` always escaped (helpers return plain strings,
 * never SafeString), which is what keeps a dataset's text from becoming markup.
 */
export interface TemplateEngine {
  render(templateName: string, context: object): string;
}

export interface TemplateSources {
  /** Main templates by name ("boletin"). */
  readonly templates: Readonly<Record<string, string>>;
  /** Partials by name, usable as {{> name}}. */
  readonly partials: Readonly<Record<string, string>>;
}

/** A noun the templates count with, with the catalog's optional short form and elided complement. */
export interface CountableNoun extends NounForms {
  /** "riñón"/"riñones": for terse lists ("un hígado, ocho riñones y dos córneas"). */
  readonly corto?: NounForms;
  /** "de córnea": what follows a figure when the head noun was said before ("12 de córnea", "10 renales"). */
  readonly de?: string | { readonly singular: string; readonly plural: string };
  /** The acronym of a long name: "OOAD". Said once in full with it, then alone (see {{nombre}}). */
  readonly siglas?: string;
}

/** Nouns the templates count with, by id: the indicator catalog plus the template's own nouns. */
export type NounLookup = (id: string) => CountableNoun | undefined;

/** A figure as the view gives it to the templates, with the dataset path it comes from. */
interface FigureItem {
  readonly id: string;
  readonly valor: number;
  readonly fuente?: string;
  /** false: keep the full noun even in the short form (a part named alone: "un trasplante de hígado", not "un hígado"). */
  readonly corto?: boolean;
}

/**
 * `trackIds` gives each helper the template path of its arguments (`options.ids`), which is how a
 * printed figure learns the dataset field it comes from (see figure-source.ts).
 */
export const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, noEscape: false, trackIds: true } as const;
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

export class TemplateError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

export function createTemplateEngine(sources: TemplateSources, phrasing: Phrasing, nouns: NounLookup): TemplateEngine {
  const handlebars = Handlebars.create();
  // The long names already spelled out in this render: a name is said in full once, with its acronym,
  // and by its acronym after that. A render writes the bulletin in reading order, so "first" is first read.
  const mentioned = new Set<string>();
  const helpers = phrasingHelpers(phrasing, nouns, mentioned);
  for (const [name, helper] of Object.entries(helpers)) handlebars.registerHelper(name, helper);
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  const compileOptions = { ...COMPILE_OPTIONS, knownHelpers };
  for (const [name, source] of Object.entries(sources.partials)) {
    handlebars.registerPartial(name, handlebars.compile(source, compileOptions));
  }
  const compiled = new Map(
    Object.entries(sources.templates).map(([name, source]) => [name, handlebars.compile(source, compileOptions)]),
  );
  return {
    render(templateName, context) {
      mentioned.clear();
      const template = compiled.get(templateName);
      if (template === undefined) throw new TemplateError(`No existe la plantilla «${templateName}».`);
      try {
        return template(context, RUNTIME_OPTIONS);
      } catch (error) {
        throw new TemplateError(`La plantilla «${templateName}» falló: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

type HelperOptions = {
  readonly hash: Readonly<Record<string, unknown>>;
  readonly ids?: readonly unknown[];
  readonly hashIds?: Readonly<Record<string, unknown>>;
};

/** The template path of a helper's argument, when it is a path and not a literal. */
const idOf = (options: HelperOptions, index: number): unknown => options.ids?.[index];

/** A count whose figure is marked with its source, its noun left as plain words. */
export function markedCount(countText: string, figureText: string, source: FigureSource | undefined): string {
  if (countText.startsWith(figureText)) return markFigure(figureText, source) + countText.slice(figureText.length);
  return markFigure(countText, source);
}

/** The helpers by the names the office writes in templates. */
function phrasingHelpers(
  phrasing: Phrasing,
  nouns: NounLookup,
  mentioned: Set<string>,
): Record<string, Handlebars.HelperDelegate> {
  const noun = (id: unknown): CountableNoun => {
    const forms = typeof id === 'string' ? nouns(id) : undefined;
    if (forms === undefined) throw new TemplateError(`Sustantivo desconocido en la plantilla: «${String(id)}».`);
    return forms;
  };
  return {
    cifra: function (this: unknown, value: unknown, options: HelperOptions) {
      const text = phrasing.figure(asNumber(value, 'cifra'), {
        gender: asGender(options.hash['genero']),
        pronoun: options.hash['pronombre'] === true,
      });
      return markFigure(text, countSource(idOf(options, 0), this));
    },
    cantidad: function (this: unknown, value: unknown, nounId: unknown, options: HelperOptions) {
      const count = asNumber(value, 'cantidad');
      const forms = noun(nounId);
      return markedCount(
        phrasing.count(count, forms),
        phrasing.figure(count, { gender: forms.gender }),
        countSource(idOf(options, 0), this),
      );
    },
    porcentaje: function (this: unknown, part: unknown, whole: unknown, options: HelperOptions) {
      const text = phrasing.percent(asNumber(part, 'porcentaje'), asNumber(whole, 'porcentaje'));
      return markFigure(text, percentSource(idOf(options, 0), idOf(options, 1), this));
    },
    /** A percentage as the office published it, never recomputed: {{porcentajeDado meta.porcentaje}}. */
    porcentajeDado: function (this: unknown, value: unknown, options: HelperOptions) {
      return markFigure(phrasing.givenPercent(asNumber(value, 'porcentajeDado')), countSource(idOf(options, 0), this));
    },
    rango: (start: unknown, end: unknown, options: HelperOptions) =>
      markFigure(
        phrasing.dateRange(asText(start, 'rango'), asText(end, 'rango'), {
          year: asYearMode(options.hash['anio']),
          capitalize: options.hash['mayuscula'] === true,
        }),
        dateSource(idOf(options, 0), idOf(options, 1)),
      ),
    dias: (dates: unknown, options: HelperOptions) =>
      markFigure(
        phrasing.dayList(typeof dates === 'string' ? [dates] : asTextList(dates, 'dias'), {
          year: asYearMode(options.hash['anio']),
          capitalize: options.hash['mayuscula'] === true,
        }),
        dateSource(idOf(options, 0)),
      ),
    fecha: (date: unknown, options: HelperOptions) =>
      markFigure(phrasing.date(asText(date, 'fecha')), dateSource(idOf(options, 0))),
    fechaLugar: (place: unknown, date: unknown, options: HelperOptions) =>
      markFigure(
        phrasing.dateline(asText(place, 'fechaLugar'), asText(date, 'fechaLugar')),
        dateSource(idOf(options, 1)),
      ),
    numeroBoletin: (value: unknown, year: unknown, options: HelperOptions) =>
      markFigure(
        phrasing.bulletinNumber(asNumber(value, 'numeroBoletin'), asNumber(year, 'numeroBoletin')),
        namedSource('numero', idOf(options, 0)),
      ),
    ordinal: (value: unknown, gender: unknown, options: HelperOptions) =>
      markFigure(
        phrasing.ordinal(asNumber(value, 'ordinal'), asGender(gender) ?? 'f', {
          form: asOrdinalForm(options.hash['forma']),
        }),
        namedSource('ordinal', idOf(options, 0)),
      ),
    /**
     * A long name with an acronym, spelled out at its first mention in the bulletin and by its acronym
     * after: {{nombre "ooad" cantidad=35}} -> "35 Órganos de Operación Administrativa Desconcentrada
     * (OOAD)", then "35 OOAD"; {{nombre "umae" plural=true}} -> "Unidades Médicas... (UMAE)", then "UMAE".
     */
    nombre: function (this: unknown, id: unknown, options: HelperOptions) {
      const forms = noun(id);
      const key = String(id);
      if (forms.siglas === undefined)
        throw new TemplateError(`«${key}» no tiene siglas: {{nombre}} es para nombres largos con siglas.`);
      const count = options.hash['cantidad'];
      const first = !mentioned.has(key);
      mentioned.add(key);
      if (count !== undefined) {
        const value = asNumber(count, 'nombre');
        const figure = phrasing.figure(value, { gender: forms.gender });
        const source = countSource(options.hashIds?.['cantidad'], this);
        return first
          ? `${markedCount(phrasing.count(value, forms), figure, source)} (${forms.siglas})`
          : `${markFigure(figure, source)} ${forms.siglas}`;
      }
      const words = options.hash['plural'] === true ? forms.plural : forms.singular;
      return first ? `${words} (${forms.siglas})` : forms.siglas;
    },
    // Lists are joined on the items' plain words (see joinMarked), then each item gets its marks back.
    lista: (items: unknown, options: HelperOptions) =>
      joinMarked(asTextList(items, 'lista'), (plain) =>
        phrasing.list(plain, {
          conjunction: options.hash['conjuncion'] === 'o' ? 'or' : 'and',
          closeWithAsWellAs: options.hash['asiComo'] === true,
          continued: options.hash['sigue'] === true,
        }),
      ),
    listaCantidades: (items: unknown, options: HelperOptions) =>
      joinMarked(
        countPhrases(
          asFigureItems(items),
          asCountForm(options.hash['forma']),
          noun,
          phrasing,
          asOptionalText(options.hash['tras']),
        ),
        (plain) =>
          phrasing.list(plain, {
            closeWithAsWellAs: options.hash['asiComo'] === true,
            continued: options.hash['sigue'] === true,
            ...(options.hash['abierta'] === true ? { open: asGender(options.hash['genero']) ?? 'f' } : {}),
          }),
      ),
    /**
     * A block written once per item and joined as a list by the phrasing module:
     * {{#enLista estados}}{{listaCantidades cifras}} en {{nombre}}{{/enLista}}. Empty items are left out.
     * The block's output is already escaped by Handlebars; the list only adds separators.
     */
    enLista: (items: unknown, options: HelperOptions & { fn: (context: unknown) => string }) => {
      if (!Array.isArray(items)) throw new TemplateError('{{#enLista}} espera una lista.');
      // ASCII whitespace only: the no-break spaces inside a figure stay (see src/lang/no-break-space.ts).
      const parts = items
        .map((item) =>
          options
            .fn(item)
            .replace(/[ \t\n\r\f]+/g, ' ')
            .replace(/^ | $/g, ''),
        )
        .filter((part) => part !== '');
      return joinMarked(parts, (plain) =>
        phrasing.list(plain, { closeWithAsWellAs: options.hash['asiComo'] === true }),
      );
    },
    /**
     * The verb agreeing with what it speaks of: {{verbo resumen "se realizó" "se realizaron"}}. Singular
     * for a figure of 1, or a list of one item that is itself singular.
     */
    verbo: (subject: unknown, singular: unknown, plural: unknown) =>
      isSingular(subject) ? asText(singular, 'verbo') : asText(plural, 'verbo'),
    // The first letter, after the mark a figure may open with.
    mayuscula: (text: unknown) =>
      asText(text, 'mayuscula').replace(
        /^((?:\uE000[^\uE001]*\uE001)?)(.)/su,
        (_whole, mark: string, first: string) => mark + first.toLocaleUpperCase(phrasing.lang),
      ),
  };
}

type CountForm = 'completa' | 'corta' | 'elidida';

/**
 * Each figure with its noun: "completa" ("10 trasplantes renales"), "corta" ("ocho riñones"), or
 * "elidida", where an item drops the head noun it shares with the item before it ("10 trasplantes
 * renales, 12 de córnea, dos de células hematopoyéticas y uno de hígado"; "390 detecciones de diabetes
 * mellitus, 408 de hipertensión arterial, mil 576 mastografías").
 */
function countPhrases(
  items: readonly FigureItem[],
  form: CountForm,
  noun: (id: string) => CountableNoun,
  phrasing: Phrasing,
  saidBefore?: string,
): string[] {
  return items.map((item, index) => {
    const forms = noun(item.id);
    // Each figure is marked with the field it comes from; its noun stays plain words.
    const source: FigureSource | undefined =
      item.fuente === undefined ? undefined : { kind: 'cifra', fields: [item.fuente] };
    const figure = (gender: Gender, pronoun: boolean): string => phrasing.figure(item.valor, { gender, pronoun });
    if (form === 'corta') {
      const short = item.corto === false ? forms : (forms.corto ?? forms);
      return markedCount(phrasing.count(item.valor, short), figure(short.gender, false), source);
    }
    const previous =
      index > 0
        ? headNoun(noun(items[index - 1]?.id ?? ''))
        : saidBefore === undefined
          ? undefined
          : headNoun(noun(saidBefore));
    if (form === 'elidida' && forms.de !== undefined && previous !== undefined && previous === headNoun(forms)) {
      const complement =
        typeof forms.de === 'string' ? forms.de : item.valor === 1 ? forms.de.singular : forms.de.plural;
      return markedCount(
        phrasing.elidedCount(item.valor, forms.gender, complement),
        figure(forms.gender, true),
        source,
      );
    }
    return markedCount(phrasing.count(item.valor, forms), figure(forms.gender, false), source);
  });
}

/** The noun a complement hangs from: "detecciones" in "detecciones de diabetes mellitus". */
function headNoun(forms: CountableNoun): string {
  const complement = typeof forms.de === 'object' ? forms.de.plural : forms.de;
  const suffix = complement === undefined ? undefined : ` ${complement}`;
  if (suffix !== undefined && forms.plural.endsWith(suffix)) return forms.plural.slice(0, -suffix.length);
  return forms.plural.split(' ')[0] ?? forms.plural;
}

function asFigureItems(value: unknown): FigureItem[] {
  const isItem = (item: unknown): item is FigureItem =>
    typeof item === 'object' &&
    item !== null &&
    typeof (item as FigureItem).id === 'string' &&
    typeof (item as FigureItem).valor === 'number';
  if (!Array.isArray(value) || !value.every(isItem))
    throw new TemplateError('{{listaCantidades}} espera una lista de cifras.');
  return value;
}

function asCountForm(value: unknown): CountForm {
  if (value === undefined) return 'completa';
  if (value === 'completa' || value === 'corta' || value === 'elidida') return value;
  throw new TemplateError(`forma="${String(value)}" no existe: use "completa", "corta" o "elidida".`);
}

function isSingular(subject: unknown): boolean {
  if (typeof subject === 'number') return subject === 1;
  if (typeof subject === 'string') return true;
  if (Array.isArray(subject)) return subject.length === 1 && isSingular(subject[0]);
  if (typeof subject === 'object' && subject !== null) {
    if ('valor' in subject) return isSingular((subject as FigureItem).valor);
    if ('cifras' in subject) return isSingular((subject as { cifras: unknown }).cifras);
  }
  throw new TemplateError(`{{verbo}} no sabe concordar con «${String(subject)}».`);
}

/** The id of a noun just said ({{listaCantidades partes forma="elidida" tras="trasplantes"}}): its parts drop it. */
function asOptionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asNumber(value: unknown, helper: string): number {
  if (typeof value !== 'number')
    throw new TemplateError(`{{${helper}}} espera una cifra y recibió «${String(value)}».`);
  return value;
}

function asText(value: unknown, helper: string): string {
  if (typeof value !== 'string') throw new TemplateError(`{{${helper}}} espera un texto y recibió «${String(value)}».`);
  return value;
}

function asTextList(value: unknown, helper: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new TemplateError(`{{${helper}}} espera una lista de textos.`);
  }
  return value;
}

function asGender(value: unknown): Gender | undefined {
  if (value === undefined) return undefined;
  if (value === 'f' || value === 'm') return value;
  throw new TemplateError(`Género desconocido «${String(value)}»: use "f" o "m".`);
}

function asYearMode(value: unknown): 'never' | 'always' | 'auto' | undefined {
  if (value === undefined) return undefined;
  const modes: Readonly<Record<string, 'never' | 'always' | 'auto'>> = {
    nunca: 'never',
    siempre: 'always',
    auto: 'auto',
  };
  const mode = typeof value === 'string' ? modes[value] : undefined;
  if (mode === undefined)
    throw new TemplateError(`anio="${String(value)}" no existe: use "nunca", "siempre" o "auto".`);
  return mode;
}

function asOrdinalForm(value: unknown): 'words' | 'oneWord' | 'short' | undefined {
  if (value === undefined) return undefined;
  const forms: Readonly<Record<string, 'words' | 'oneWord' | 'short'>> = {
    palabras: 'words',
    unaPalabra: 'oneWord',
    corta: 'short',
  };
  const form = typeof value === 'string' ? forms[value] : undefined;
  if (form === undefined)
    throw new TemplateError(`forma="${String(value)}" no existe: use "palabras", "unaPalabra" o "corta".`);
  return form;
}
