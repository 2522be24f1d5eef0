/**
 * The contract every language of the phrasing module fulfils. Templates and renderers write figures,
 * dates, ordinals and lists only through it (the Handlebars helpers call these methods), so the Spanish
 * and English editions are written by the same templates' logic with different words.
 *
 * Dates are ISO calendar dates ("2023-02-24"), read in America/Mexico_City.
 */

export type Gender = 'f' | 'm';

/** A noun as the indicator catalog gives it: "cirugía"/"cirugías", feminine. */
export interface NounForms {
  readonly singular: string;
  readonly plural: string;
  readonly gender: Gender;
}

export interface FigureOptions {
  /** Agreement for 1 ("una", "un"); masculine by default. */
  readonly gender?: Gender;
  /** As a pronoun: "uno"/"una" instead of "un"/"una" ("dos de células y uno de hígado"). */
  readonly pronoun?: boolean;
}

export interface DateRangeOptions {
  /** Write the year: "never" (default), "always", or "auto" (only when the range crosses a year). */
  readonly year?: 'never' | 'always' | 'auto';
  /** Capitalise the first letter, for a range that starts a sentence. */
  readonly capitalize?: boolean;
  /** Spanish only: "de 2021" (default, as the RAE asks) or "del 2021" (the variant of seed 000). */
  readonly yearPreposition?: 'de' | 'del';
  /** "from-to" (default): "del 24 al 26 de febrero"; "between": "entre el 31 de mayo y el 6 de junio". */
  readonly wording?: 'from-to' | 'between';
}

export interface ListOptions {
  /** "and" (default) or "or": the conjunction before the last item. */
  readonly conjunction?: 'and' | 'or';
  /** Close with "así como" / "as well as" instead of the conjunction. */
  readonly closeWithAsWellAs?: boolean;
  /**
   * An open list, one that names some of many: commas only, closed by "entre otras"/"entre otros"
   * agreeing with this gender ("A, B, C, entre otras"); in English "among others".
   */
  readonly open?: Gender;
  /**
   * The items go on in a larger list that closes after them: commas only, no conjunction
   * ("9 mil 517 mastografías, 4 mil 803 detecciones", then ", 3 mil 729 cirugías y ...").
   */
  readonly continued?: boolean;
  /** English only: a comma before the conjunction ("A, B, and C"); default from the phrasing's options. */
  readonly serialComma?: boolean;
}

export interface OrdinalOptions {
  /**
   * "words" ("Décima Cuarta", default), "oneWord" ("Decimocuarta"), "short" ("14ª").
   * English defaults to "short" ("14th"), as the English edition names its jornadas.
   */
  readonly form?: 'words' | 'oneWord' | 'short';
  /** Capital initials, as in the name of a jornada (default true); false for running text: "el segundo trasplante". */
  readonly capitalize?: boolean;
  /** Spanish masculine before its noun takes the short form: "Primer Nivel", "Tercer" (default true). */
  readonly beforeNoun?: boolean;
}

export interface Phrasing {
  /** BCP 47 tag of the language: "es-MX", "en-US". */
  readonly lang: string;
  /** The figure style in use ("imss", "imss-letras", "rae"... for Spanish). */
  readonly style: string;
  /** A count: "3 mil 729", "una", "siete mil 309". Throws PhrasingError on bad input. */
  figure(value: number, options?: FigureOptions): string;
  /** A count with its noun, agreeing in number and gender: "una cirugía", "3 mil 29 cirugías". */
  count(value: number, noun: NounForms): string;
  /**
   * A count whose head noun was said just before: "12 de córnea", "uno de hígado" (the figure as a
   * pronoun agreeing with the head noun's gender, then the complement).
   */
  elidedCount(value: number, gender: Gender, complement: string): string;
  /** A percentage computed from the data: "120.9 por ciento"; one decimal, "100 por ciento" when whole. */
  percent(part: number, whole: number): string;
  /** A percentage as it was published, never recomputed: 120.5 -> "120.5 por ciento". */
  givenPercent(value: number): string;
  /** "del 24 al 26 de febrero", "del 31 de mayo al 6 de junio". */
  dateRange(start: string, end: string, options?: DateRangeOptions): string;
  /** "10, 11 y 12 de marzo"; a single day: "10 de marzo". */
  dayList(dates: readonly string[], options?: DateRangeOptions): string;
  /** A single date: "24 de febrero de 2023". */
  date(date: string): string;
  /** The dateline: "Ciudad de México, miércoles 1 de marzo de 2023". */
  dateline(place: string, date: string): string;
  /** "No. 093/2023". */
  bulletinNumber(number: number, year: number): string;
  /** Ordinal for the name of a jornada: "Segunda", "Décima Cuarta"; in English "14th". */
  ordinal(value: number, gender: Gender, options?: OrdinalOptions): string;
  /** "A, B y C", with "e"/"u" before /i/ and /o/ sounds in Spanish. */
  list(items: readonly string[], options?: ListOptions): string;
  /** A large figure rounded for a headline: "16.1 millones", "13.2 mil millones"; below a million, the exact figure. */
  roundedFigure?(value: number): string;
}
