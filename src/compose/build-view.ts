import type { Catalog, IndicatorGroup } from '../dataset/catalog.ts';
import { indicatorGroups } from '../dataset/catalog.ts';
import type { Programme } from '../dataset/programme-catalog.ts';
import type { Jornada, Meta } from '../dataset/schema.ts';
import type { Phrasing } from '../lang/phrasing.ts';
import { cardFigures } from './card-figures.ts';
import { fillPlaceholders } from './fill-placeholders.ts';
import { type FigureItem, figureItems } from './figure-item.ts';
import { packParagraphs } from './pack-paragraphs.ts';

/**
 * What the templates see: the jornada reshaped for writing, with every optional part present as `null`
 * or an empty list (the templates run in strict mode, where a missing field is an error), every figure
 * of the catalog present (0 when the dataset does not report it), and the figures grouped as the
 * bulletin lists them. No sentence is written here: sentences belong to the templates.
 */
export interface BulletinView {
  readonly boletin: {
    readonly numero: number | null;
    readonly anio: number;
    readonly fecha: string;
    readonly lugar: string;
    readonly borrador: boolean;
  };
  readonly jornada: {
    readonly tipo: string;
    /** The programme's name as the office writes it (data/catalogo/programas.yaml). */
    readonly nombreTipo: string;
    /** Its short form for a second mention: "jornada". */
    readonly corto: string;
    /** The name is plural ("las jornadas monotemáticas"): articles and participles agree. */
    readonly plural: boolean;
    readonly femenino: boolean;
    readonly genero: 'f' | 'm';
    readonly ordinal: number | null;
    readonly inicio: string;
    readonly fin: string;
    /** The days, only when they were not consecutive. */
    readonly dias: readonly string[] | null;
    readonly unDia: boolean;
    readonly ultimaDelAnio: boolean;
  };
  readonly meta: {
    /** Planned actions, only when published. */
    readonly planeadas: number | null;
    /** The percentage as published, when given; otherwise the templates compute it from planeadas. */
    readonly porcentaje: number | null;
    readonly logradas: number;
    /** More was done than planned. */
    readonly superada: boolean;
    /** At least what was planned was done. */
    readonly cumplida: boolean;
  } | null;
  readonly participacion: {
    readonly ooad: number;
    readonly umae: number;
    /** OOAD and UMAE together: the verb of "Participaron un OOAD y una UMAE" agrees with both. */
    readonly unidades: number;
    /** Every OOAD (UMAE) of the Institute took part: "los 35 OOAD". */
    readonly todasOoad: boolean;
    readonly todasUmae: boolean;
    readonly ooadNombres: readonly string[];
    readonly umaeNombres: readonly string[];
  } | null;
  /** Every indicator of the catalog by id; 0 when not reported. Templates write `cifras.[trasplante-rinon]`. */
  readonly cifras: Readonly<Record<string, number>>;
  /** Per group: its total (0 when not reported) and its parts as the bulletin lists them. */
  readonly grupos: Readonly<Record<IndicatorGroup, GroupView>>;
  /** Vaccination, social work and other figures, listed together in one sentence. */
  readonly complementarias: readonly FigureItem[];
  /** Which bullet points to write, chosen from the data (see chooseBullets); the templates word them. */
  readonly balazos: Readonly<Record<BulletKind, boolean>>;
  /** The headline figures for the summary bullet: one per group (its total, or its largest part), largest first. */
  readonly resumen: readonly FigureItem[];
  /** The largest of those, for the headline (a headline names one figure). */
  readonly resumenTitular: readonly FigureItem[];
  /** The main figures of the body, gathered in one sentence: consultations, detections, surgeries, planning, studies. */
  readonly principales: readonly MainGroupView[];
  /** The figures of that sentence, for the verb's agreement. */
  readonly principalesCifras: readonly FigureItem[];
  /** Exactly one multi-organ donation: "—una de ellas multiorgánica—" rather than "de las cuales N fueron...". */
  readonly unaMultiorganica: boolean;
  /** Every cadaveric donation was multi-organ: "una donación cadavérica multiorgánica", not "—una de ellas…—". */
  readonly todasMultiorganicas: boolean;
  readonly hayTrasplantes: boolean;
  /** The transplant paragraph has something to say (it also carries the year-to-date figures). */
  readonly hayTrasplantesODonaciones: boolean;
  /** Groups of states named together with one statement and no figures. */
  readonly gruposDeEstados: readonly PlaceGroupView[];
  /** Style choices of the edition that the templates apply. */
  readonly estilo: { readonly ordinal: 'palabras' | 'unaPalabra' | 'corta'; readonly listasAbiertas: boolean };
  readonly cifrasUmae: readonly FigureItem[];
  readonly acumuladoAnual: readonly FigureItem[];
  readonly especialidades: { readonly consultaExterna: readonly string[]; readonly cirugia: readonly string[] };
  /** The procedures, those with a shared head said once (see procedureGroups). */
  readonly procedimientos: readonly ProcedureGroup[];
  readonly estrategias: readonly string[];
  /**
   * Who took part, a shared first word said once: "personal de base", "de confianza" (seed 002: "participó
   * personal de base y de confianza del Instituto").
   */
  readonly personal: readonly string[];
  /** 1 when they are all one collective noun ("personal ..."), which takes a singular verb; else how many. */
  readonly personalNumero: number;
  readonly destacados: readonly string[];
  /** The national, state and hospital highlights gathered into paragraphs of 25 to 85 words. */
  readonly destacadosParrafos: readonly (readonly string[])[];
  readonly estadosParrafos: readonly (readonly string[])[];
  readonly hospitalesParrafos: readonly (readonly string[])[];
  readonly estados: readonly PlaceView[];
  readonly hospitales: readonly PlaceView[];
  /**
   * The states and hospitals the summary sentence names: those with figures and no highlight of their
   * own (a highlight already tells their figures, and a place with neither has nothing to sum up).
   */
  readonly estadosResumen: readonly PlaceView[];
  readonly hospitalesResumen: readonly PlaceView[];
  readonly programa: {
    readonly nombre: string | null;
    readonly plan: string | null;
    readonly inicio: string | null;
  } | null;
  readonly proxima: {
    readonly inicio: string;
    readonly fin: string;
    readonly dias: readonly string[] | null;
    /** The next jornada is one day: "on March 11", not "from March 11". */
    readonly unDia: boolean;
  } | null;
  readonly enlaces: { readonly fotos: string | null; readonly video: string | null };
  /**
   * The state a local bulletin is about, with the article its name takes ("el Estado de México"), and
   * whether the jornada was held in every OOAD, so the bulletin may say "en todo el país"; null otherwise.
   */
  readonly local: { readonly nombre: string; readonly articulo: string; readonly todoElPais: boolean } | null;
  /** The three headline figures of the social card (see cardFigures). */
  readonly tarjeta: readonly FigureItem[];
}

export interface PlaceGroupView {
  readonly estados: readonly string[];
  /** The dataset path of `masDe`, for the verification. */
  readonly fuente: string;
  /** "más de 10 mil acciones": the threshold and the noun it counts, or null with a statement. */
  readonly masDe: number | null;
  readonly de: string;
  readonly enunciado: string | null;
}

export interface GroupView {
  readonly grupo: IndicatorGroup;
  /** The group's own total; 0 when not reported. */
  readonly total: number;
  /** The id of the total ("trasplantes"), for its noun. */
  readonly totalId: string;
  /** The total's noun is feminine: "entre ellas" / "entre ellos". */
  readonly femenino: boolean;
  /** The parts, largest first: a breakdown reads in descending order of count. */
  readonly partes: readonly FigureItem[];
  /** Whether the parts add up to the total, so a sentence may present them as the whole breakdown. */
  readonly completo: boolean;
  /**
   * The one part is the whole total: said once, by the part's own noun ("un trasplante de hígado"), not
   * as a total and its breakdown ("un trasplante: uno de hígado").
   */
  readonly unaParte: boolean;
}

/** A group of the main figures' sentence, which is one list whatever the groups. */
export interface MainGroupView extends GroupView {
  /**
   * A group without its total, not the last of the sentence: its parts go on in the sentence's list,
   * commas only ("..., 9 mil 517 mastografías, 4 mil 803 detecciones..., 3 mil 729 cirugías, así como..."),
   * instead of closing with their own "y" in the middle of it.
   */
  readonly sigue: boolean;
}

export interface PlaceView {
  readonly nombre: string;
  /** The short name a sentence uses: "CMN Siglo XXI". */
  readonly nombreCorto: string;
  /**
   * How the sentence names it, the one time it does: a hospital spelled out with its acronym, as seed 002
   * writes it ("el Hospital de Traumatología y Ortopedia (HTO) Magdalena de las Salinas"); a state by its name.
   */
  readonly mencion: string;
  /** A hospital's acronym as the dataset gives it ("CMN Siglo XXI"); null for a state. */
  readonly siglas: string | null;
  /** The article before the short name in "en el CMN Siglo XXI", "en la UMAE de Puebla". */
  readonly articulo: string;
  readonly cifras: readonly FigureItem[];
  readonly destacados: readonly string[];
}

export interface ViewSettings {
  readonly number: number | null;
  readonly issueDate: string;
  readonly place: string;
  readonly draft: boolean;
  readonly lang: 'es' | 'en';
  /** The programme of the jornada, from data/catalogo/programas.yaml. */
  readonly programme: Programme;
  /** A language edition's own name for the programme (the English templates' labels), if any. */
  readonly kindName?: string;
  /** A language edition's own short reference to the programme ("day", "drive"), if any. */
  readonly kindShort?: string;
  /** A language edition's names for states ("Ciudad de México" -> "Mexico City"). */
  readonly stateNames?: Readonly<Record<string, string>>;
  readonly ordinalForm?: 'palabras' | 'unaPalabra' | 'corta';
  readonly openLists?: boolean;
  /** For a state's local bulletin: which state, and whether the jornada was in every OOAD. */
  readonly local?: { readonly nombre: string; readonly todoElPais?: boolean };
}

/** How many OOAD and UMAE the Institute has: when all took part, the bulletin says "los 35 OOAD". */
export const INSTITUTION_SIZE = { ooad: 35, umae: 25 } as const;

/** Unit names that take "la": "la UMAE de Puebla", "la Unidad Médica...", "la Clínica...". */
const FEMININE_UNIT_WORDS = /^(UMAE|Unidad|Clínica)\b/;

/** Words a unit's kind does not end with: "Hospital de Especialidades de (HE) Torreón" is not a name. */
const OPEN_ENDING = /\s(?:de|del|la|las|los|el|y)$/;

/**
 * A hospital's name at its one mention, with its acronym: "Centro Médico Nacional (CMN) Siglo XXI" when the
 * acronym's words end the full name, else the full name and the acronym after it ("UMAE Hospital de
 * Especialidades del Centro Médico Nacional La Raza (HE CMN La Raza)"). A number stays in the words it
 * came in ("HE 25 Monterrey"), so that the verification finds it inside the dataset's own text.
 */
export function firstMention(nombre: string, siglas: string | undefined, introduced = new Set<string>()): string {
  if (siglas === undefined) return nombre;
  const space = siglas.indexOf(' ');
  const acronym = space < 0 ? siglas : siglas.slice(0, space);
  // A name that is its acronym ("CMN La Raza") uses it bare: it is not spelled out for a later hospital either.
  if (siglas === nombre) {
    introduced.add(acronym);
    return nombre;
  }
  const rest = space < 0 ? '' : siglas.slice(space + 1);
  const kind = nombre.slice(0, nombre.length - rest.length - 1);
  const splits =
    rest !== '' &&
    !/\d/.test(rest) &&
    /^\p{Lu}{2,}$/u.test(acronym) &&
    nombre.endsWith(` ${rest}`) &&
    kind !== '' &&
    !OPEN_ENDING.test(kind);
  if (!splits) {
    // Spelled out here in full, so the acronym reads as introduced for the hospitals after it.
    introduced.add(acronym);
    return `${nombre} (${siglas})`;
  }
  // An acronym spelled out once in the sentence is not spelled out again: "…(CMN) Siglo XXI, … el CMN de Occidente".
  if (introduced.has(acronym)) return siglas;
  introduced.add(acronym);
  return `${kind} (${acronym}) ${rest}`;
}

/** A hospital as a sentence names it, and the article its mention takes ("la UMAE…", "el Hospital…"). */
function mentioned(place: PlaceView, introduced: Set<string>): PlaceView {
  const mencion = firstMention(place.nombre, place.siglas ?? undefined, introduced);
  return { ...place, mencion, articulo: FEMININE_UNIT_WORDS.test(mencion) ? 'la' : 'el' };
}

/** The hospitals of one sentence, in its order, each acronym spelled out at its first mention only. */
function mentionedInOrder(places: readonly PlaceView[]): PlaceView[] {
  const introduced = new Set<string>();
  return places.map((place) => mentioned(place, introduced));
}

/** The two states whose name takes an article: "la Ciudad de México", "el Estado de México (Poniente)". */
function stateArticle(name: string): string {
  if (name.startsWith('Ciudad de México')) return 'la';
  if (name.startsWith('Estado de México')) return 'el';
  return '';
}

const summarized = (place: PlaceView): boolean => place.cifras.length > 0 && place.destacados.length === 0;

/** Groups the bulletin lists together in one closing sentence of figures. */
const COMPLEMENTARY_GROUPS = ['vacunacion', 'trabajo-social', 'otros'] as const;

/** The groups the summary bullet and the body's main sentence speak of, in the body's order. */
// Seed 002's order: detections and surgeries first, consultations closing with "así como".
const MAIN_GROUPS = ['detecciones', 'cirugias', 'planificacion-familiar', 'estudios', 'consultas'] as const;
const SUMMARY_GROUPS = ['consultas', 'detecciones', 'cirugias', 'trasplantes', 'donaciones'] as const;
const MAX_SUMMARY = 4;

export function buildView(
  jornada: Jornada,
  settings: ViewSettings,
  catalog: Catalog,
  phrasing: Phrasing,
): BulletinView {
  const order = (ids: Iterable<string>): string[] => catalog.order(ids);
  // An English edition prints only the highlights written in English: a Spanish sentence would not do.
  const write = (destacados: Jornada['destacados'], base: string): string[] =>
    (destacados ?? []).flatMap((destacado, index) =>
      settings.lang === 'en' && destacado.textoEn === undefined
        ? []
        : [fillPlaceholders(destacado, phrasing, catalog, settings.lang, `${base}[${String(index)}]`)],
    );
  const dias = jornada.fechas.dias ?? null;
  const grupos = groupFigures(jornada.cifras, catalog);
  // A language edition's name for a state ("Mexico City"), or the state's own.
  const stateName = (nombre: string): string => settings.stateNames?.[nombre] ?? nombre;
  const estados = (jornada.estados ?? []).map((estado, index) => ({
    nombre: estado.nombre,
    nombreCorto: stateName(estado.nombre),
    mencion: stateName(estado.nombre),
    siglas: null,
    articulo: stateArticle(estado.nombre),
    cifras: figureItems(estado.cifras, `estados[${String(index)}].cifras`, order),
    destacados: write(estado.destacados, `estados[${String(index)}].destacados`),
  }));
  // Each hospital named as if alone; the summary sentence names them again in its order (mentionedInOrder).
  const hospitales = (jornada.hospitales ?? []).map((hospital, index) =>
    mentioned(
      {
        nombre: hospital.nombre,
        nombreCorto: hospital.siglas ?? hospital.nombre,
        mencion: hospital.nombre,
        siglas: hospital.siglas ?? null,
        articulo: '',
        cifras: figureItems(hospital.cifras, `hospitales[${String(index)}].cifras`, order),
        destacados: write(hospital.destacados, `hospitales[${String(index)}].destacados`),
      },
      new Set(),
    ),
  );
  const resumen = summaryFigures(grupos);
  return {
    boletin: {
      numero: settings.number,
      anio: Number(settings.issueDate.slice(0, 4)),
      fecha: settings.issueDate,
      lugar: settings.place,
      borrador: settings.draft,
    },
    jornada: {
      tipo: jornada.tipo,
      nombreTipo: settings.kindName ?? settings.programme.nombre,
      corto: settings.kindShort ?? settings.programme.corto,
      plural: settings.programme.numero === 'plural',
      femenino: settings.programme.genero === 'f',
      genero: settings.programme.genero,
      ordinal: jornada.ordinal ?? null,
      inicio: jornada.fechas.inicio,
      fin: jornada.fechas.fin,
      dias,
      unDia: jornada.fechas.inicio === jornada.fechas.fin,
      ultimaDelAnio: jornada.ultimaDelAnio ?? false,
    },
    meta: jornada.meta ? goalView(jornada.meta) : null,
    participacion: jornada.participacion
      ? {
          ooad: jornada.participacion.ooad,
          umae: jornada.participacion.umae ?? 0,
          unidades: jornada.participacion.ooad + (jornada.participacion.umae ?? 0),
          todasOoad: jornada.participacion.ooad === INSTITUTION_SIZE.ooad,
          todasUmae: jornada.participacion.umae === INSTITUTION_SIZE.umae,
          ooadNombres: jornada.participacion.ooadNombres ?? [],
          umaeNombres: jornada.participacion.umaeNombres ?? [],
        }
      : null,
    cifras: Object.fromEntries(catalog.ids.map((id) => [id, jornada.cifras[id] ?? 0])),
    grupos,
    complementarias: COMPLEMENTARY_GROUPS.flatMap((group) => grupos[group].partes),
    resumen,
    resumenTitular: resumen.slice(0, 1),
    principales: mainGroups(MAIN_GROUPS.map((group) => grupos[group])),
    principalesCifras: MAIN_GROUPS.flatMap((group) =>
      grupos[group].total > 0
        ? [{ id: group, valor: grupos[group].total, fuente: `cifras.${group}` }]
        : grupos[group].partes,
    ),
    unaMultiorganica: jornada.cifras['donacion-multiorganica'] === 1,
    todasMultiorganicas:
      (jornada.cifras['donacion-cadaverica'] ?? 0) > 0 &&
      jornada.cifras['donacion-multiorganica'] === jornada.cifras['donacion-cadaverica'],
    hayTrasplantes: grupos.trasplantes.total > 0 || grupos.trasplantes.partes.length > 0,
    hayTrasplantesODonaciones:
      grupos.trasplantes.total > 0 ||
      grupos.trasplantes.partes.length > 0 ||
      grupos.donaciones.partes.length > 0 ||
      figureItems(jornada.acumuladoAnual, 'acumuladoAnual', order).length > 0,
    gruposDeEstados: (jornada.gruposDeEstados ?? []).map((grupo, index) => ({
      fuente: `gruposDeEstados[${String(index)}].masDe`,
      estados: grupo.estados.map(stateName),
      masDe: grupo.masDe ?? null,
      de: grupo.de ?? 'accion',
      enunciado: grupo.enunciado ?? null,
    })),
    estilo: { ordinal: settings.ordinalForm ?? 'palabras', listasAbiertas: settings.openLists ?? false },
    balazos: chooseBullets({
      meta: jornada.meta !== undefined,
      resumen: resumen.length > 0,
      participacion: jornada.participacion !== undefined,
      personal: (jornada.personal ?? []).length > 0,
    }),
    cifrasUmae: figureItems(jornada.cifrasUmae, 'cifrasUmae', order),
    acumuladoAnual: figureItems(jornada.acumuladoAnual, 'acumuladoAnual', order),
    especialidades: {
      consultaExterna: jornada.especialidades?.consultaExterna ?? [],
      cirugia: jornada.especialidades?.cirugia ?? [],
    },
    procedimientos: procedureGroups(jornada.procedimientos ?? [], [
      ...(jornada.especialidades?.consultaExterna ?? []),
      ...(jornada.especialidades?.cirugia ?? []),
    ]),
    estrategias: jornada.estrategias ?? [],
    ...staffView(jornada.personal ?? []),
    destacados: write(jornada.destacados, 'destacados'),
    destacadosParrafos: packParagraphs(write(jornada.destacados, 'destacados')),
    estadosParrafos: packParagraphs(estados.flatMap((estado) => estado.destacados)),
    hospitalesParrafos: packParagraphs(hospitales.flatMap((hospital) => hospital.destacados)),
    estados,
    hospitales,
    estadosResumen: estados.filter(summarized),
    hospitalesResumen: mentionedInOrder(hospitales.filter(summarized)),
    programa: jornada.programa
      ? {
          nombre: jornada.programa.nombre ?? null,
          plan: jornada.programa.plan ?? null,
          inicio: jornada.programa.inicio ?? null,
        }
      : null,
    proxima: jornada.proxima
      ? {
          inicio: jornada.proxima.inicio,
          fin: jornada.proxima.fin,
          dias: jornada.proxima.dias ?? null,
          unDia: jornada.proxima.inicio === jornada.proxima.fin,
        }
      : null,
    enlaces: { fotos: jornada.enlaces?.fotos ?? null, video: jornada.enlaces?.video ?? null },
    tarjeta: cardFigures(jornada, order),
    local:
      settings.local === undefined
        ? null
        : {
            nombre: settings.local.nombre,
            articulo: stateArticle(settings.local.nombre),
            todoElPais: settings.local.todoElPais ?? false,
          },
  };
}

/** The bullet points a bulletin can open with, in order of preference. */
export const BULLET_KINDS = ['meta', 'resumen', 'participacion', 'personal', 'jornada'] as const;
export type BulletKind = (typeof BULLET_KINDS)[number];

const MIN_BULLETS = 2;
const MAX_BULLETS = 4;

/**
 * Two to four bullet points chosen from what the data has, in order of preference: the goal, the
 * headline figures (one per group, so they summarise what the body details), who took part, and the
 * staff and strategies. A jornada with too little to say gets a bullet naming the jornada itself.
 */
export function chooseBullets(
  available: Readonly<Record<Exclude<BulletKind, 'jornada'>, boolean>>,
): Record<BulletKind, boolean> {
  const chosen = BULLET_KINDS.filter((kind) => kind !== 'jornada' && available[kind]).slice(0, MAX_BULLETS);
  if (chosen.length < MIN_BULLETS) chosen.unshift('jornada');
  return Object.fromEntries(BULLET_KINDS.map((kind) => [kind, chosen.includes(kind)])) as Record<BulletKind, boolean>;
}

/**
 * For each group of the catalog: the group's own total (the indicator named like the group, such as
 * "trasplantes") and the parts to list, leaving out a part of a part whose total is itself listed
 * ("donacion-multiorganica" under "donacion-cadaverica"): the templates say those in their own words.
 */
function groupFigures(cifras: Jornada['cifras'], catalog: Catalog): BulletinView['grupos'] {
  const entries = indicatorGroups.map((group) => {
    const partes = figureItems(
      cifras,
      'cifras',
      (ids) => catalog.order(ids),
      (id) => {
        const indicator = catalog.get(id);
        if (indicator === undefined || indicator.grupo !== group || id === group) return false;
        const parent = indicator.parteDe;
        return parent === undefined || parent === group || (cifras[parent] ?? 0) === 0;
      },
    );
    const total = cifras[group] ?? 0;
    const completo = total > 0 && partes.reduce((sum, part) => sum + part.valor, 0) === total;
    const femenino = catalog.get(group)?.es.gender === 'f';
    const unaParte = completo && partes.length === 1;
    return [
      group,
      { grupo: group, total, totalId: group, femenino, partes: descending(partes), completo, unaParte },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as BulletinView['grupos'];
}

/** The groups with figures, in the sentence's order, each told whether its parts go on in the sentence's list. */
export function mainGroups(groups: readonly GroupView[]): MainGroupView[] {
  const present = groups.filter((group) => group.total > 0 || group.partes.length > 0);
  return present.map((group, index) => ({ ...group, sigue: group.total === 0 && index < present.length - 1 }));
}

/**
 * The staff list as a sentence names it: when every item starts with the same word ("personal de base",
 * "personal de confianza"), the word is said once, and the collective noun takes a singular verb.
 */
export function staffView(items: readonly string[]): { personal: string[]; personalNumero: number } {
  const heads = items.map((item) => item.split(' ')[0]?.toLocaleLowerCase('es') ?? '');
  const head = heads[0];
  const shared = items.length > 1 && head !== undefined && heads.every((word) => word === head);
  const hasRest = items.every((item) => item.includes(' '));
  // Singular only for the collective noun: "Colaboró personal…", "Colaboraron médicos residentes".
  const personalNumero = heads.every((word) => word === 'personal') ? 1 : Math.max(2, items.length);
  if (!shared || !hasRest) return { personal: [...items], personalNumero };
  return {
    personal: items.map((item, index) => (index === 0 ? item : item.slice(item.indexOf(' ') + 1))),
    personalNumero,
  };
}

/** Procedures that share a head ("trasplantes de") and the rest of each: "trasplantes de córnea, riñón e hígado". */
export interface ProcedureGroup {
  /** The shared words, empty for a procedure said alone. */
  readonly cabeza: string;
  readonly resto: readonly string[];
  /** Not the last group: its items go on with commas in the sentence's list (seed 001). */
  readonly sigue: boolean;
}

/** A head the office says once for a run of procedures: a noun and its preposition. */
const SHARED_HEAD = /^(\S+ (?:de|del|en)) (.+)$/u;

/**
 * The procedures sentence as seed 001 writes it: a run of procedures with the same head ("trasplantes de
 * córnea", "trasplantes de riñón"…) says it once ("trasplantes de córnea, riñón, médula ósea e hígado"),
 * and a procedure that is already one of the specialties named before it is not named again.
 */
export function procedureGroups(items: readonly string[], specialties: readonly string[]): ProcedureGroup[] {
  const named = new Set(specialties.map((name) => name.toLocaleLowerCase('es')));
  const groups: { cabeza: string; resto: string[] }[] = [];
  for (const item of items) {
    if (named.has(item.toLocaleLowerCase('es'))) continue;
    const match = SHARED_HEAD.exec(item);
    const last = groups.at(-1);
    if (
      match !== null &&
      last !== undefined &&
      last.cabeza.toLocaleLowerCase('es') === match[1]?.toLocaleLowerCase('es')
    ) {
      last.resto.push(match[2] ?? '');
    } else if (match !== null) {
      groups.push({ cabeza: match[1] ?? '', resto: [match[2] ?? ''] });
    } else {
      groups.push({ cabeza: '', resto: [item] });
    }
  }
  // A head with one procedure is said as it came.
  return groups.map((group, index) => ({
    ...(group.resto.length === 1 && group.cabeza !== ''
      ? { cabeza: '', resto: [`${group.cabeza} ${group.resto[0] ?? ''}`] }
      : group),
    sigue: index < groups.length - 1,
  }));
}

/** Largest first; equal counts keep their catalog order (the sort is stable). */
export function descending(items: readonly FigureItem[]): FigureItem[] {
  return [...items].sort((a, b) => b.valor - a.valor);
}

/**
 * The summary bullet's figures: for each main group its total, or its largest part when the dataset
 * gives no total (the body lists the rest), largest first, at most four. A bullet that names each group
 * once summarises; the body then says the same groups in detail and in other words.
 */
export function summaryFigures(grupos: BulletinView['grupos']): FigureItem[] {
  const headOf = (view: GroupView): FigureItem[] => {
    if (view.total > 0) return [{ id: view.totalId, valor: view.total, fuente: `cifras.${view.totalId}` }];
    const first = view.partes[0];
    return first === undefined ? [] : [{ ...first, corto: false }];
  };
  const items = SUMMARY_GROUPS.flatMap((group) => headOf(grupos[group]));
  // A state (or a jornada) whose figures are all family planning or studies still has its figures summarised:
  // otherwise its bulletin said "Participa IMSS Sinaloa" with 162 OTB and 15 vasectomies untold on top.
  const summarised =
    items.length > 0 ? items : indicatorGroups.flatMap((group) => headOf(grupos[group as keyof typeof grupos]));
  return descending(summarised).slice(0, MAX_SUMMARY);
}

/** The goal as given: a planned count, a published percentage, or both; passed when above 100 per cent. */
function goalView(meta: Meta): NonNullable<BulletinView['meta']> {
  const ratio =
    meta.porcentaje !== undefined ? meta.porcentaje / 100 : meta.logradas / (meta.planeadas ?? meta.logradas);
  return {
    logradas: meta.logradas,
    planeadas: meta.planeadas ?? null,
    porcentaje: meta.porcentaje ?? null,
    superada: ratio > 1,
    cumplida: ratio >= 1,
  };
}
