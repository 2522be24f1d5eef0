import type { Phrasing } from '../phrasing.ts';
import type { PhrasingOptions } from '../phrasing-options.ts';
import { writeBulletinNumber } from '../write-bulletin-number.ts';
import { DEFAULT_FIGURE_STYLE, FIGURE_STYLE_REGISTRY, type FigureStyleName } from './figure-styles.ts';
import { GROUP_SEPARATOR } from './write-spaced-figure.ts';
import { joinCount } from './write-count.ts';
import { writeDate, writeDateline } from './write-date.ts';
import { writeDateRange } from './write-date-range.ts';
import { writeDayList } from './write-day-list.ts';
import { writeFigure } from './write-figure.ts';
import { writeList } from './write-list.ts';
import { writeOrdinal } from './write-ordinal.ts';
import { writeGivenPercent, writePercent } from './write-percent.ts';
import { writeRoundedFigure } from './write-rounded-figure.ts';

/** The Spanish edition's phrasing in one figure style (house style `imss` by default). */
export function spanishPhrasing(
  style: FigureStyleName = DEFAULT_FIGURE_STYLE,
  options: PhrasingOptions = {},
): Phrasing {
  const millionInDigits = options.millionInDigits ?? false;
  // The RAE writes "120.9 %" with a no-break space; Mexican press, "120.9%".
  const signSpace = FIGURE_STYLE_REGISTRY[style].grouping === 'space' ? GROUP_SEPARATOR : '';
  const figure: Phrasing['figure'] = (value, figureOptions = {}) =>
    writeFigure(value, style, { ...figureOptions, millionInDigits, padGroups: options.padGroups ?? false });
  return {
    lang: 'es-MX',
    style,
    figure,
    count: (value, noun) => joinCount(figure(value, { gender: noun.gender }), value, noun),
    // "12 de córnea", "uno de hígado": the figure stands for the noun just said, so 1 is a pronoun.
    elidedCount: (value, gender, complement) => `${figure(value, { gender, pronoun: true })} ${complement}`,
    percent: (part, whole) => writePercent(part, whole, { sign: options.percentSign ?? false, signSpace }),
    givenPercent: (value) => writeGivenPercent(value, { sign: options.percentSign ?? false, signSpace }),
    dateRange: writeDateRange,
    dayList: writeDayList,
    date: writeDate,
    dateline: writeDateline,
    bulletinNumber: writeBulletinNumber,
    ordinal: writeOrdinal,
    list: writeList,
    roundedFigure: (value) => writeRoundedFigure(value, style, millionInDigits),
  };
}
