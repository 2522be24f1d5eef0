import { PhrasingError } from '../../errors.ts';

/**
 * The ways a Spanish figure can be written. Each is a set of switches read by the writer and the
 * reader; `imss` is the house style of the seed bulletins.
 *
 * - smallNumbers: how 0 and 2 to 9 are written alone ("words": "cero", "ocho"; "digits": "0", "8").
 *   1 is always a word, because it agrees with its noun: "un hígado", "una donación".
 * - multiplierWords: 2 to 9 before "mil"/"millones" in words ("siete mil 309").
 * - padGroups: the groups after "mil"/"millón" keep three digits ("90 mil 034").
 * - grouping: "mil" (house: "3 mil 729") or "space" (RAE/Fundéu: "154 000", never "154 mil").
 */
export const FIGURE_STYLE_REGISTRY = {
  imss: {
    description: 'estilo de la casa: «3 mil 729», «mil 283», «un millón 529 mil 812», «ocho riñones»',
    smallNumbers: 'words',
    multiplierWords: false,
    padGroups: false,
    grouping: 'mil',
  },
  'imss-letras': {
    description:
      'como imss, con 2 a 9 millares o millones en letras: «siete mil 309», «dos mil 989», «cuatro millones»',
    smallNumbers: 'words',
    multiplierWords: true,
    padGroups: false,
    grouping: 'mil',
  },
  rae: {
    description: 'norma de la RAE y la Fundéu: «154 000», «3729», sin mezclar cifras y «mil»',
    smallNumbers: 'words',
    multiplierWords: false,
    padGroups: false,
    grouping: 'space',
  },
  relleno: {
    description: 'como imss, con los grupos después de «mil» en tres cifras: «90 mil 034»',
    smallNumbers: 'words',
    multiplierWords: false,
    padGroups: true,
    grouping: 'mil',
  },
  digitos: {
    description: 'como imss, con cifras de 2 a 9: «8 riñones», «2 córneas» (el 1 sigue en letras: «un hígado»)',
    smallNumbers: 'digits',
    multiplierWords: false,
    padGroups: false,
    grouping: 'mil',
  },
} as const;

export type FigureStyleName = keyof typeof FIGURE_STYLE_REGISTRY;
/** The switches of a style, widened so an edition may turn one on (padding) over any style. */
export interface FigureStyle {
  readonly smallNumbers: 'words' | 'digits';
  readonly multiplierWords: boolean;
  readonly padGroups: boolean;
  readonly grouping: 'mil' | 'space';
}

export const DEFAULT_FIGURE_STYLE: FigureStyleName = 'imss';

/** The Spanish style names, default first. */
export const FIGURE_STYLES: readonly FigureStyleName[] = Object.keys(FIGURE_STYLE_REGISTRY) as FigureStyleName[];

export function isFigureStyle(name: string): name is FigureStyleName {
  return Object.hasOwn(FIGURE_STYLE_REGISTRY, name);
}

/** The style named `name`, or a PhrasingError in Spanish that lists the valid names. */
export function parseFigureStyle(name: string): FigureStyleName {
  if (isFigureStyle(name)) return name;
  throw new PhrasingError(`El estilo de cifras «${name}» no existe. Estilos: ${FIGURE_STYLES.join(', ')}.`);
}
