import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/**
 * CSS line-height is a multiple of the font size; Word's "auto" spacing a multiple of the font's own line
 * (1.149 em for Liberation Sans). These convert the stylesheet's 1.45 and 1.25 so both look alike.
 */
const LINE_BODY = 303;
const LINE_TIGHT = 261;

/**
 * The Word styles of a bulletin: real built-in styles (Title, Heading 1, Heading 2, List Paragraph,
 * Hyperlink) restyled to match the HTML stylesheet, a few of our own for the letterhead, and one
 * bulleted list numbering. Sizes are half-points, spacing twips (1/20 pt).
 */
export const FONT = 'Liberation Sans';
export const COLORS = { green: '1E5B4F', gold: 'B38E5D', text: '1A1A1A', gray: '5A5A5A', draft: 'A4262C' } as const;

/** Style ids used by the content builder. */
export const StyleId = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  listParagraph: 'ListParagraph',
  bodyText: 'BodyText',
  summary: 'Summary',
  institution: 'Institution',
  documentKind: 'DocumentKind',
  dateline: 'Dateline',
  bulletinNumber: 'BulletinNumber',
  headerFooter: 'Footer',
  hyperlink: 'Hyperlink',
} as const;

export const BULLETS = 'vinetas';

const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };

export function bulletinStyles(lang: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: fonts, size: 22, color: COLORS.text, language: { value: lang } },
        paragraph: { spacing: { after: 180, line: LINE_BODY, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: fonts, size: 32, bold: true, color: COLORS.text },
        paragraph: {
          spacing: { before: 0, after: 240, line: LINE_TIGHT, lineRule: LineRuleType.AUTO },
          keepNext: true,
        },
      },
      heading1: {
        run: { font: fonts, size: 26, bold: true, color: COLORS.green },
        paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: fonts, size: 23, bold: true, color: COLORS.text },
        paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, outlineLevel: 1 },
      },
      listParagraph: {
        paragraph: { spacing: { after: 60 } },
      },
      hyperlink: {
        run: { color: COLORS.green, underline: {} },
      },
    },
    paragraphStyles: [
      {
        id: StyleId.bodyText,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 180 } },
      },
      {
        id: StyleId.summary,
        name: 'Summary Bullet',
        basedOn: StyleId.listParagraph,
        quickFormat: true,
        run: { bold: true },
        paragraph: { spacing: { after: 100 } },
      },
      {
        id: StyleId.institution,
        name: 'Institution',
        basedOn: 'Normal',
        run: { size: 25, bold: true, color: COLORS.green },
        paragraph: { spacing: { after: 40, line: LINE_TIGHT, lineRule: LineRuleType.AUTO } },
      },
      {
        id: StyleId.documentKind,
        name: 'Document Kind',
        basedOn: 'Normal',
        run: { size: 22, bold: true, color: COLORS.gray, characterSpacing: 30 },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: StyleId.dateline,
        name: 'Dateline',
        basedOn: 'Normal',
        run: { size: 21 },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 320, after: 0 } },
      },
      {
        id: StyleId.bulletinNumber,
        name: 'Bulletin Number',
        basedOn: 'Normal',
        run: { size: 30, bold: true, color: COLORS.green },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 40, after: 280 } },
      },
    ],
  };
}

export function bulletinNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: BULLETS,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: '\u2022',
            alignment: AlignmentType.LEFT,
            style: {
              paragraph: { indent: { left: 360, hanging: 240 } },
              run: { font: fonts },
            },
          },
        ],
      },
    ],
  };
}
