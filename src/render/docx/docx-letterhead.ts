import {
  BorderStyle,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  AlignmentType,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import type { Logo } from '../assets/logo.ts';
import { COLORS, StyleId } from './docx-styles.ts';

/** Page geometry in twips (1/1440 in): Letter with the margins of the print stylesheet. */
export const PAGE = {
  width: 12240,
  height: 15840,
  marginTop: 1080,
  marginBottom: 1152,
  marginSide: 1296,
  header: 504,
  footer: 504,
} as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginSide;
const LOGO_CELL = 1500;
/** Height of the logo in pixels at 96 per inch: 58 pt, as in the HTML letterhead. */
const LOGO_HEIGHT_PX = 77;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * The letterhead at the top of the first page: logo, institution and kind of document in a borderless
 * table over a green rule, a thin gold rule under it, then place and date and the number, right-aligned.
 */
export function letterhead(doc: BulletinDocument, logo: Logo): (Table | Paragraph)[] {
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LOGO_CELL, TEXT_WIDTH - LOGO_CELL],
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
      bottom: { style: BorderStyle.SINGLE, size: 24, color: COLORS.green },
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: LOGO_CELL, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 0, bottom: 160, left: 0, right: 0 },
            children: [new Paragraph({ spacing: { after: 0 }, children: [logoRun(doc, logo)] })],
          }),
          new TableCell({
            width: { size: TEXT_WIDTH - LOGO_CELL, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 0, bottom: 160, left: 0, right: 0 },
            children: [
              new Paragraph({ style: StyleId.institution, children: [new TextRun(doc.labels.institution)] }),
              new Paragraph({ style: StyleId.documentKind, children: [new TextRun(doc.labels.documentKind)] }),
            ],
          }),
        ],
      }),
    ],
  });
  // The gold line under the green one: an empty, tiny paragraph that is only a border.
  const goldRule = new Paragraph({
    spacing: { before: 40, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 8, color: COLORS.gold, space: 0 } },
    children: [],
  });
  const dates = [new Paragraph({ style: StyleId.dateline, children: [new TextRun(doc.dateline)] })];
  if (doc.number !== '') {
    dates.push(new Paragraph({ style: StyleId.bulletinNumber, children: [new TextRun(doc.number)] }));
  } else {
    dates.push(new Paragraph({ spacing: { after: 200 }, children: [] }));
  }
  return [table, goldRule, ...dates];
}

function logoRun(doc: BulletinDocument, logo: Logo): ImageRun {
  const transformation = { width: Math.round((LOGO_HEIGHT_PX * logo.width) / logo.height), height: LOGO_HEIGHT_PX };
  // A fixed drawing id: docx's own counter runs across documents, which would make renders differ.
  const altText = { id: '1', name: 'logo', description: doc.labels.logoAlt, title: doc.labels.logoAlt };
  if (logo.type !== 'svg') return new ImageRun({ type: logo.type, data: logo.bytes, transformation, altText });
  return new ImageRun({
    type: 'svg',
    data: logo.bytes,
    // Word before 2016 shows the PNG rendition; without one, a transparent pixel (an empty slot).
    fallback: { type: 'png', data: logo.png ?? TRANSPARENT_PIXEL },
    transformation,
    altText,
  });
}

const TRANSPARENT_PIXEL = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const SMALL = { size: 16, color: COLORS.gray } as const;

/** The running header: the draft mark on every page of a draft, nothing otherwise. */
export function runningHeader(doc: BulletinDocument): Header {
  if (!doc.draft) return new Header({ children: [new Paragraph({ children: [] })] });
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            text: doc.labels.draft,
            bold: true,
            size: 18,
            color: 'FFFFFF',
            characterSpacing: 50,
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.draft },
          }),
        ],
      }),
    ],
  });
}

/** The running footer: the number on the left, "<page> X <pageOf> Y" on the right, over a gold rule. */
export function runningFooter(doc: BulletinDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLORS.gold, space: 4 } },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        spacing: { after: 0 },
        children: [
          new TextRun({ text: doc.number, ...SMALL }),
          new TextRun({
            ...SMALL,
            children: [
              new Tab(),
              `${doc.labels.page} `,
              PageNumber.CURRENT,
              ` ${doc.labels.pageOf} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}
