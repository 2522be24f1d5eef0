import type { ComposeStyle } from '../compose/compose-bulletin.ts';
import type { Jornada } from '../dataset/schema.ts';
import type { PhrasingOptions } from '../lang/phrasing-options.ts';

/** The style settings of `boletin` in a dataset, also `generar` options (see src/dataset/schema.ts). */
export interface BulletinStyleSettings {
  readonly cifras?: string;
  readonly relleno?: boolean;
  readonly millonEnCifras?: boolean;
  readonly signoPorcentaje?: boolean;
  readonly ordinal?: 'palabras' | 'unaPalabra' | 'corta';
  readonly listasAbiertas?: boolean;
}

export interface BulletinStyle {
  /** The figure style's name, or undefined for the house style. */
  readonly figureStyle: string | undefined;
  readonly phrasingOptions: PhrasingOptions;
  readonly composeStyle: ComposeStyle;
}

/**
 * One bulletin's style: the dataset's `boletin` settings, each overridden by the same setting given on
 * the command line (an option left out keeps the dataset's). The one place that maps both to the
 * phrasing's and the templates' switches, so `generar` and the tests render alike.
 */
export function bulletinStyle(jornada: Jornada, overrides: BulletinStyleSettings = {}): BulletinStyle {
  const given = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as BulletinStyleSettings;
  const settings: BulletinStyleSettings = { ...jornada.boletin, ...given };
  return {
    figureStyle: settings.cifras,
    phrasingOptions: {
      padGroups: settings.relleno ?? false,
      millionInDigits: settings.millonEnCifras ?? false,
      percentSign: settings.signoPorcentaje ?? false,
    },
    composeStyle: {
      ...(settings.ordinal === undefined ? {} : { ordinal: settings.ordinal }),
      ...(settings.listasAbiertas === undefined ? {} : { openLists: settings.listasAbiertas }),
    },
  };
}
