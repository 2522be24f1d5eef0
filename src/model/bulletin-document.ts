/**
 * The document model: the only seam between composing and rendering.
 * Compose builds one BulletinDocument; every renderer (HTML, PDF, DOCX, Markdown) only reads it.
 * Nothing here is formatted by a renderer: every word, figure and label is already written.
 */

/** A run of inline content. Text is plain text, never markup: renderers escape it. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly content: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] };

/** Words the renderers print around the content, written by the templates, never by a renderer. */
export interface DocumentLabels {
  /** "Instituto Mexicano del Seguro Social" */
  readonly institution: string;
  /** "BOLETÍN DE PRENSA" */
  readonly documentKind: string;
  /** "Página", "de": the running footer reads "<page> X <pageOf> Y". */
  readonly page: string;
  readonly pageOf: string;
  /** "BORRADOR": the mark a draft carries on every page. */
  readonly draft: string;
  /** Alternative text of the logo. */
  readonly logoAlt: string;
}

export interface DocumentMetadata {
  /** The headline, also the PDF/DOCX title. */
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: readonly string[];
  /** ISO date-time of issue, in America/Mexico_City; also the fixed creation date of the files. */
  readonly issuedAt: string;
  /** One sentence that sums up the bulletin: the web post's `description` (falls back to `subject`). */
  readonly description?: string;
  /** Section of the site a web post goes to ("Nacional", "Local"); the post has none when absent. */
  readonly section?: string;
}

/**
 * What the registry records of a numbered bulletin, written into each file's own properties (HTML meta,
 * PDF info, DOCX custom property), so that `boletin archivo reconstruir` can rebuild a lost registry from
 * the published files. Drafts carry none.
 */
export interface ArchiveStamp {
  readonly number: number;
  readonly year: number;
  readonly version: number;
  readonly slug: string;
  readonly title: string;
  readonly issueDate: string;
  readonly datasetHash: string;
  readonly edition: string;
  readonly style: string;
  readonly templateVersion: string;
}

export interface BulletinDocument {
  /** BCP 47 tag: "es-MX", "en-US". */
  readonly lang: string;
  /** Which edition this is: "nacional", later "en", "estatal-jalisco"... */
  readonly edition: string;
  readonly draft: boolean;
  readonly labels: DocumentLabels;
  readonly metadata: DocumentMetadata;
  /** "Ciudad de México, miércoles 1 de marzo de 2023" */
  readonly dateline: string;
  /** "No. 093/2023"; empty for a draft, which takes no number. */
  readonly number: string;
  readonly headline: string;
  /** Two to four bullet points that sum up the jornada. */
  readonly bullets: readonly (readonly Inline[])[];
  readonly body: readonly Block[];
  /**
   * Logo as a data URI (SVG, PNG or JPEG), read from the file the office replaces; the renderers use
   * the neutral placeholder in templates/ when absent. `pngDataUri` is an optional PNG rendition of an
   * SVG logo for Word versions that cannot show SVG.
   */
  readonly logo?: { readonly dataUri: string; readonly mediaType: string; readonly pngDataUri?: string };
  /** The registry's record of this bulletin, for `archivo reconstruir`; absent in drafts and previews. */
  readonly archiveStamp?: ArchiveStamp;
}
