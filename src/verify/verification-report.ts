import type { FigureSource } from '../model/bulletin-document.ts';

/** One number printed in an edition, read back and compared with its source. */
export interface VerifiedFigure {
  /** Where it is printed: "título", "balazo 2", "párrafo 5", "lista 1, elemento 3". */
  readonly lugar: string;
  /** What the reader sees, as printed: "3 mil 242", "120.9 por ciento", "December 17 to 19, 2021". */
  readonly texto: string;
  readonly tipo: FigureSource['kind'] | 'texto';
  /** What the phrasing module's reader read from `texto` (null when it could not read it). */
  readonly leido: number | string | null;
  /** The dataset field it comes from (null: none). */
  readonly campo: string | null;
  /** The value of that field in the dataset. */
  readonly dato: number | string | null;
  readonly correcta: boolean;
  /** Why it failed, in Spanish, naming the figure and the place. */
  readonly motivo?: string;
}

export interface VerificationReport {
  /** "nacional", "en", "web", "estatal-jalisco"... */
  readonly edicion: string;
  readonly idioma: string;
  readonly veredicto: 'aprobada' | 'rechazada';
  /** Counts and percentages verified against the data (dates, ordinals and numbers not included). */
  readonly cifras: number;
  readonly filas: readonly VerifiedFigure[];
  /** The failures, one sentence each. */
  readonly errores: readonly string[];
}

/** An edition whose printed figures do not all match their data: nothing of it is published. */
export class VerificationError extends Error {
  readonly reports: readonly VerificationReport[];

  constructor(reports: readonly VerificationReport[]) {
    const failed = reports.filter((report) => report.veredicto === 'rechazada');
    super(
      failed
        .map(
          (report) =>
            `La verificación de cifras de la edición «${report.edicion}» falló:\n${report.errores.map((error) => `  - ${error}`).join('\n')}`,
        )
        .join('\n') + '\nNo se publicó nada: corrija la plantilla o los datos y vuelva a generar.',
    );
    this.name = 'VerificationError';
    this.reports = reports;
  }
}

export function verificationJson(report: VerificationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
