import type { Phrasing } from '../phrasing.ts';
import type { PhrasingOptions } from '../phrasing-options.ts';
import { givenTenths, percentTenths, tenthsText } from '../percent-tenths.ts';
import { writeBulletinNumber } from '../write-bulletin-number.ts';
import type { FigureStyleName } from '../es/figure-styles.ts';
import { writeEnglishDate, writeEnglishDateline, writeEnglishDateRange, writeEnglishDayList } from './write-dates.ts';
import { writeEnglishFigure } from './write-figure.ts';
import { writeEnglishList } from './write-list.ts';
import { writeEnglishOrdinal } from './write-ordinal.ts';
import { writeEnglishRoundedFigure } from './write-rounded-figure.ts';

/**
 * The English edition: "3,242 surgeries", "one" to "nine" in words, "December 17 to 19, 2021", "14th".
 * English has one way to write figures; of the Spanish styles only `digitos` changes it (2 to 9 in digits).
 */
export function englishPhrasing(style: FigureStyleName = 'imss', options: PhrasingOptions = {}): Phrasing {
  const smallInDigits = style === 'digitos';
  const serialComma = options.serialComma ?? false;
  const figure: Phrasing['figure'] = (value) => writeEnglishFigure(value, smallInDigits);
  return {
    lang: 'en-US',
    style,
    figure,
    count: (value, noun) => `${figure(value)} ${value === 1 ? noun.singular : noun.plural}`,
    // "nine corneal, two liver and one bone marrow" after "11 kidney transplants".
    elidedCount: (value, _gender, complement) => `${figure(value)} ${complement}`,
    givenPercent: (value) => {
      const digits = tenthsText(givenTenths(value));
      return options.percentSign ? `${digits}%` : `${digits} percent`;
    },
    percent: (part, whole) => {
      const digits = tenthsText(percentTenths(part, whole));
      return options.percentSign ? `${digits}%` : `${digits} percent`;
    },
    dateRange: writeEnglishDateRange,
    dayList: (dates, rangeOptions) => writeEnglishDayList(dates, rangeOptions, serialComma),
    date: writeEnglishDate,
    dateline: writeEnglishDateline,
    bulletinNumber: writeBulletinNumber,
    ordinal: (value, _gender, ordinalOptions) => writeEnglishOrdinal(value, ordinalOptions),
    list: (items, listOptions) => writeEnglishList(items, listOptions, serialComma),
    roundedFigure: writeEnglishRoundedFigure,
  };
}
