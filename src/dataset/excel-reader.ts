import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Catalog } from './catalog.ts';
import { cellContent, readCell } from './excel-cells.ts';
import type { CellContent } from './excel-cells.ts';
import type { FieldKind, GrupoColumn, JornadaField } from './excel-layout.ts';
import {
  ambitos,
  anualPrefix,
  destacadoTextColumns,
  estadoTextColumns,
  grupoColumns,
  hospitalTextColumns,
  jornadaFields,
  nacionalColumns,
  requiredSheets,
  sheetNames,
} from './excel-layout.ts';
import type { ProblemSink } from './problem.ts';
import { pathText } from './problem.ts';
import { closest, slugify } from './text-similarity.ts';
import { checkXlsxPackage } from './xlsx-package.ts';

/**
 * Reads a jornada workbook (layout in excel-layout.ts and docs/dataset.md) into the same raw object a
 * JSON file gives, remembering which cell each value came from so every problem names "Hoja!B7".
 */

export interface WorkbookDataset {
  readonly raw: Record<string, unknown>;
  readonly placeOf: (path: readonly PropertyKey[]) => string;
}

const knownSheets: readonly string[] = Object.values(sheetNames);

export async function readWorkbook(
  bytes: Buffer,
  sink: ProblemSink,
  catalog: Catalog,
): Promise<WorkbookDataset | undefined> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    sink.error(
      '(archivo)',
      'el libro está protegido con contraseña o es un .xls antiguo con extensión .xlsx',
      'Quite la contraseña y guárdelo como «Libro de Excel (.xlsx)».',
    );
    return undefined;
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    sink.error(
      '(archivo)',
      'el archivo tiene extensión .xlsx pero no es un libro de Excel',
      'Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)», o use la extensión que le corresponde.',
    );
    return undefined;
  }
  // The package is checked before the library opens it: a bomb or a cell at XFD1 must never reach it.
  if (!checkXlsxPackage(bytes, sink)) return undefined;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    sink.error(
      '(archivo)',
      'el libro de Excel está dañado y no se puede abrir',
      'Ábralo en Excel y vuelva a guardarlo como .xlsx; o genere uno nuevo con `boletin plantilla`.',
    );
    return undefined;
  }
  const reader = new WorkbookReader(workbook, sink, catalog);
  return reader.read();
}

class WorkbookReader {
  private readonly places = new Map<string, string>();
  private readonly raw: Record<string, unknown> = {};
  private readonly workbook: ExcelJS.Workbook;
  private readonly sink: ProblemSink;
  private readonly catalog: Catalog;

  constructor(workbook: ExcelJS.Workbook, sink: ProblemSink, catalog: Catalog) {
    this.workbook = workbook;
    this.sink = sink;
    this.catalog = catalog;
  }

  read(): WorkbookDataset | undefined {
    if (!this.checkSheets()) return undefined;
    const sheet = (name: string): Worksheet | undefined => this.workbook.getWorksheet(name);
    for (const name of knownSheets) {
      const worksheet = sheet(name);
      if (worksheet !== undefined && name !== sheetNames.instrucciones) this.checkMerges(worksheet);
    }
    this.readJornadaSheet(sheet(sheetNames.jornada));
    this.readNacionalSheet(sheet(sheetNames.nacional));
    const estados = this.readEntitySheet(sheet(sheetNames.estados), 'estados', estadoTextColumns);
    const hospitales = this.readEntitySheet(sheet(sheetNames.hospitales), 'hospitales', hospitalTextColumns);
    this.readDestacadosSheet(sheet(sheetNames.destacados), estados, hospitales);
    this.readGruposSheet(sheet(sheetNames.grupos));
    if (estados.length > 0) this.raw['estados'] = estados;
    if (hospitales.length > 0) this.raw['hospitales'] = hospitales;
    return { raw: this.raw, placeOf: (path) => this.placeOf(path) };
  }

  /** The required sheets are there (renamed ones are named), and unknown sheets are pointed out. */
  private checkSheets(): boolean {
    const present = this.workbook.worksheets.map((worksheet) => worksheet.name);
    const unknown = present.filter((name) => !knownSheets.includes(name));
    const missing = requiredSheets.filter((name) => !present.includes(name));
    const candidates = knownSheets.map((value) => ({ value, names: [] }));
    for (const name of unknown) {
      const meant = closest(name, candidates);
      if (meant !== undefined && !present.includes(meant)) {
        this.sink.error(
          `hoja «${name}»`,
          `la hoja «${name}» no es una hoja del formato`,
          `¿Quiso decir «${meant}»? Cambie el nombre de la hoja a «${meant}».`,
        );
      } else if (missing.length === 0) {
        this.sink.warn(
          `hoja «${name}»`,
          `la hoja «${name}» no es parte del formato y se ignora`,
          `Las hojas que se leen son: ${knownSheets.join(', ')}.`,
        );
      }
    }
    for (const name of missing) {
      if (unknown.some((other) => closest(other, [{ value: name, names: [] }]) === name)) continue;
      const renamed = unknown.length > 0 ? ` ¿La renombró? El libro tiene: ${present.join(', ')}.` : '';
      this.sink.error(
        `hoja «${name}»`,
        `falta la hoja «${name}»`,
        `El libro necesita las hojas ${requiredSheets.join(' y ')} con esos nombres exactos.${renamed} Genere un libro correcto con \`boletin plantilla\`.`,
      );
    }
    return missing.length === 0;
  }

  private checkMerges(worksheet: Worksheet): void {
    for (const range of worksheet.model.merges) {
      this.sink.error(
        `${worksheet.name}!${range}`,
        `las celdas ${range} de la hoja «${worksheet.name}» están combinadas`,
        'Separe las celdas (Inicio > Combinar y centrar > Separar celdas) y escriba el valor en cada fila.',
      );
    }
  }

  private remember(path: readonly PropertyKey[], worksheet: Worksheet, address: string): void {
    this.places.set(pathText(path), `${worksheet.name}!${address}`);
  }

  private placeOf(path: readonly PropertyKey[]): string {
    for (let length = path.length; length > 0; length -= 1) {
      const place = this.places.get(pathText(path.slice(0, length)));
      if (place !== undefined) return length === path.length ? place : `${place} (${pathText(path)})`;
    }
    const first = path[0];
    const sheet =
      first === 'cifras' || first === 'cifrasUmae' || first === 'acumuladoAnual'
        ? sheetNames.nacional
        : first === 'estados'
          ? sheetNames.estados
          : first === 'hospitales'
            ? sheetNames.hospitales
            : first === 'gruposDeEstados'
              ? sheetNames.grupos
              : sheetNames.jornada;
    return `${sheet} (${pathText(path)})`;
  }

  /** Reads a cell into `target[key]`, reporting at the cell what cannot be read. */
  private take(
    worksheet: Worksheet,
    content: CellContent,
    address: string,
    kind: FieldKind | 'cifra',
    path: readonly PropertyKey[],
  ): unknown {
    this.remember(path, worksheet, address);
    return this.readAt(worksheet, content, address, kind, path);
  }

  /** Reads a cell, reporting at the cell what cannot be read, without making it the place of `path`. */
  private readAt(
    worksheet: Worksheet,
    content: CellContent,
    address: string,
    kind: FieldKind | 'cifra',
    path: readonly PropertyKey[],
  ): unknown {
    const reading = readCell(content, kind);
    const place = `${worksheet.name}!${address}`;
    if (!reading.ok) {
      this.sink.error(place, `${reading.message} («${pathText(path)}»)`, reading.fix);
      return undefined;
    }
    if (reading.warning !== undefined) this.sink.warn(place, reading.warning.message, reading.warning.fix);
    return reading.value;
  }

  private rows(worksheet: Worksheet): { number: number; cells: CellContent[]; addresses: string[] }[] {
    const rows: { number: number; cells: CellContent[]; addresses: string[] }[] = [];
    const width = Math.max(worksheet.columnCount, 1);
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: CellContent[] = [];
      const addresses: string[] = [];
      for (let column = 1; column <= width; column += 1) {
        const cell = row.getCell(column);
        cells.push(cellContent(cell));
        addresses.push(cell.address);
      }
      if (cells.some((cell) => cell.kind !== 'empty')) rows.push({ number, cells, addresses });
    });
    return rows;
  }

  /**
   * A value under a column whose heading is empty would be dropped without a word (nothing names what
   * it counts): said at the first such cell of each column instead.
   */
  private unheadedValues(
    worksheet: Worksheet,
    headerRow: { cells: CellContent[] },
    body: readonly { cells: CellContent[]; addresses: string[] }[],
  ): void {
    const headers = this.header(headerRow.cells);
    const width = Math.max(0, ...body.map((row) => row.cells.length));
    for (let index = 0; index < width; index += 1) {
      if ((headers[index] ?? '') !== '') continue;
      const filled = body.find((row) => (row.cells[index]?.kind ?? 'empty') !== 'empty');
      if (filled === undefined) continue;
      this.sink.error(
        `${worksheet.name}!${filled.addresses[index] ?? ''}`,
        'hay un valor en una columna sin encabezado',
        'Escriba en la primera fila el indicador o la columna de ese valor, o bórrelo.',
      );
    }
  }

  private emptySheet(worksheet: Worksheet, what: string): void {
    this.sink.error(
      `${worksheet.name}!A1`,
      `la hoja «${worksheet.name}» está vacía`,
      `Escriba ${what}, o genere un libro con \`boletin plantilla\` y copie ahí los datos.`,
    );
  }

  private readJornadaSheet(worksheet: Worksheet | undefined): void {
    if (worksheet === undefined) return;
    const rows = this.rows(worksheet);
    const body = rows.filter((row) => !isHeader(row.cells[0], 'campo'));
    if (body.length === 0) {
      this.emptySheet(worksheet, 'una fila por campo (columna A el campo, columna B el valor)');
      return;
    }
    const fieldNames = jornadaFields.map((field) => ({ value: field.campo, names: [] }));
    const seen = new Set<string>();
    const listIndex = new Map<string, number>();
    for (const row of body) {
      const [keyCell, valueCell = { kind: 'empty' }] = row.cells;
      const keyAddress = row.addresses[0] ?? `A${row.number}`;
      const valueAddress = row.addresses[1] ?? `B${row.number}`;
      const campo = keyCell?.kind === 'text' ? keyCell.value : '';
      if (campo === '') {
        if (valueCell.kind !== 'empty')
          this.sink.error(
            `${worksheet.name}!${keyAddress}`,
            'hay un valor sin el nombre de su campo en la columna A',
            'Escriba el campo (por ejemplo fechas.inicio) en la columna A.',
          );
        continue;
      }
      const field: JornadaField | undefined = jornadaFields.find((candidate) => candidate.campo === campo);
      if (field === undefined) {
        const meant = closest(campo, fieldNames);
        this.sink.error(
          `${worksheet.name}!${keyAddress}`,
          `«${campo}» no es un campo de la hoja Jornada`,
          meant === undefined
            ? 'Vea la lista de campos en docs/dataset.md o en `boletin plantilla`.'
            : `¿Quiso decir «${meant}»?`,
        );
        continue;
      }
      if (!field.lista && seen.has(campo)) {
        this.sink.error(
          `${worksheet.name}!${keyAddress}`,
          `el campo «${campo}» está repetido`,
          'Deje una sola fila para este campo.',
        );
        continue;
      }
      seen.add(campo);
      const segments = campo.split('.');
      if (field.lista) {
        if (valueCell.kind === 'empty') continue;
        const index = listIndex.get(campo) ?? 0;
        listIndex.set(campo, index + 1);
        const value = this.take(worksheet, valueCell, valueAddress, field.kind, [...segments, index]);
        if (value !== undefined) pushAt(this.raw, segments, value);
      } else {
        const value = this.take(worksheet, valueCell, valueAddress, field.kind, segments);
        if (value !== undefined) setAt(this.raw, segments, value);
      }
    }
  }

  /** Column headers matched by their slug, so "Acumulado anual" and "acumulado-anual" both work. */
  private header(cells: readonly CellContent[]): string[] {
    return cells.map((cell) =>
      cell.kind === 'text'
        ? cell.value
        : cell.kind === 'empty'
          ? ''
          : String((cell as { value?: unknown }).value ?? ''),
    );
  }

  private readNacionalSheet(worksheet: Worksheet | undefined): void {
    if (worksheet === undefined) return;
    const rows = this.rows(worksheet);
    const [headerRow, ...body] = rows;
    if (headerRow === undefined) {
      this.emptySheet(worksheet, 'el encabezado (indicador, nacional, umae, acumulado anual) y una fila por indicador');
      return;
    }
    const headers = this.header(headerRow.cells).map(slugify);
    const idColumn = headers.indexOf('indicador');
    if (idColumn === -1) {
      this.sink.error(
        `${worksheet.name}!A${headerRow.number}`,
        'falta la columna «indicador» en el encabezado de la hoja Nacional',
        'La primera fila debe decir: indicador | nacional | umae | acumulado anual.',
      );
      return;
    }
    const scopeColumns = nacionalColumns
      .map((column) => ({ ...column, index: headers.indexOf(slugify(column.header)) }))
      .filter((column) => column.index !== -1);
    if (!scopeColumns.some((column) => column.key === 'cifras')) {
      this.sink.error(
        `${worksheet.name}!A${headerRow.number}`,
        'falta la columna «nacional» en el encabezado de la hoja Nacional',
        'La primera fila debe decir: indicador | nacional | umae | acumulado anual.',
      );
      return;
    }
    this.raw['cifras'] = {};
    const seen = new Map<string, number>();
    for (const row of body) {
      const idCell = row.cells[idColumn];
      const idAddress = row.addresses[idColumn] ?? `A${row.number}`;
      const hasValues = scopeColumns.some((column) => row.cells[column.index]?.kind !== 'empty');
      if (idCell === undefined || idCell.kind !== 'text') {
        if (hasValues)
          this.sink.error(
            `${worksheet.name}!${idAddress}`,
            'hay cifras sin el id de su indicador',
            'Escriba el id del indicador (por ejemplo cirugias) en la columna «indicador».',
          );
        continue;
      }
      const id = idCell.value;
      if (!hasValues) continue;
      const previous = seen.get(id);
      if (previous !== undefined) {
        this.sink.error(
          `${worksheet.name}!${idAddress}`,
          `el indicador «${id}» está repetido (también en la fila ${previous})`,
          'Deje una sola fila por indicador.',
        );
        continue;
      }
      seen.set(id, row.number);
      for (const column of scopeColumns) {
        const cell = row.cells[column.index] ?? { kind: 'empty' };
        if (cell.kind === 'empty') continue;
        const value = this.take(worksheet, cell, row.addresses[column.index] ?? '', 'cifra', [column.key, id]);
        if (value === undefined) continue;
        const scope = (this.raw[column.key] ??= {}) as Record<string, unknown>;
        scope[id] = value;
        // Problems about an unknown id point at its cell in the "indicador" column.
        if (!this.catalog.has(id)) this.remember([column.key, id], worksheet, idAddress);
      }
    }
    if (seen.size === 0) this.emptySheet(worksheet, 'una fila por indicador con su cifra nacional');
  }

  private readEntitySheet(
    worksheet: Worksheet | undefined,
    key: 'estados' | 'hospitales',
    textColumns: readonly string[],
  ): Record<string, unknown>[] {
    if (worksheet === undefined) return [];
    const rows = this.rows(worksheet);
    const [headerRow, ...body] = rows;
    if (headerRow === undefined) return [];
    this.unheadedValues(worksheet, headerRow, body);
    const columns = this.figureColumns(worksheet, headerRow, textColumns, false);
    if (columns === undefined) return [];
    const entities: Record<string, unknown>[] = [];
    for (const row of body) {
      const index = entities.length;
      const entity: Record<string, unknown> = {};
      for (const column of columns.text) {
        const value = this.take(
          worksheet,
          row.cells[column.index] ?? { kind: 'empty' },
          row.addresses[column.index] ?? '',
          'texto',
          [key, index, column.name],
        );
        if (value !== undefined) entity[column.name] = value;
      }
      this.remember([key, index], worksheet, row.addresses[columns.text[0]?.index ?? 0] ?? `A${row.number}`);
      const cifras = this.readFigures(worksheet, row, columns.figures, [key, index]);
      if (Object.keys(cifras).length > 0) entity['cifras'] = cifras;
      entities.push(entity);
    }
    return entities;
  }

  private figureColumns(
    worksheet: Worksheet,
    headerRow: { number: number; cells: CellContent[]; addresses: string[] },
    textColumns: readonly string[],
    allowAnual: boolean,
  ):
    | {
        text: { name: string; index: number }[];
        figures: { id: string; scope: 'cifras' | 'acumuladoAnual'; index: number }[];
      }
    | undefined {
    const headers = this.header(headerRow.cells);
    const text: { name: string; index: number }[] = [];
    const figures: { id: string; scope: 'cifras' | 'acumuladoAnual'; index: number }[] = [];
    headers.forEach((header, index) => {
      if (header === '') return;
      const address = `${worksheet.name}!${headerRow.addresses[index] ?? ''}`;
      const textName = textColumns.find((name) => slugify(name) === slugify(header));
      if (textName !== undefined) {
        text.push({ name: textName, index });
        return;
      }
      const anual = allowAnual && header.toLowerCase().startsWith(anualPrefix);
      const id = slugify(anual ? header.slice(anualPrefix.length) : header);
      if (!this.catalog.has(id)) {
        const suggestion = this.catalog.suggest(header.replace(/^anual:/i, ''));
        this.sink.error(
          address,
          `el encabezado «${header}» no es ${textColumns.length > 0 ? `una columna de la hoja (${textColumns.join(', ')}) ni ` : ''}un indicador del catálogo`,
          `${suggestion === undefined ? '' : `¿Quiso decir «${anual ? anualPrefix : ''}${suggestion}»? `}Los indicadores están en data/catalogo/indicadores.yaml.`,
        );
        return;
      }
      figures.push({ id, scope: anual ? 'acumuladoAnual' : 'cifras', index });
    });
    if (!text.some((column) => column.name === textColumns[0])) {
      this.sink.error(
        `${worksheet.name}!A${headerRow.number}`,
        `falta la columna «${textColumns[0] ?? ''}» en el encabezado de la hoja «${worksheet.name}»`,
        `La primera fila lleva: ${textColumns.join(', ')} y los ids de los indicadores.`,
      );
      return undefined;
    }
    return { text, figures };
  }

  private readFigures(
    worksheet: Worksheet,
    row: { cells: CellContent[]; addresses: string[] },
    columns: readonly { id: string; scope: 'cifras' | 'acumuladoAnual'; index: number }[],
    path: readonly PropertyKey[],
    scope: 'cifras' | 'acumuladoAnual' = 'cifras',
  ): Record<string, unknown> {
    const figures: Record<string, unknown> = {};
    for (const column of columns.filter((candidate) => candidate.scope === scope)) {
      const cell = row.cells[column.index] ?? { kind: 'empty' };
      if (cell.kind === 'empty') continue;
      const value = this.take(worksheet, cell, row.addresses[column.index] ?? '', 'cifra', [...path, scope, column.id]);
      if (value !== undefined) figures[column.id] = value;
    }
    return figures;
  }

  private readDestacadosSheet(
    worksheet: Worksheet | undefined,
    estados: Record<string, unknown>[],
    hospitales: Record<string, unknown>[],
  ): void {
    if (worksheet === undefined) return;
    const rows = this.rows(worksheet);
    const [headerRow, ...body] = rows;
    if (headerRow === undefined) return;
    this.unheadedValues(worksheet, headerRow, body);
    const columns = this.figureColumns(worksheet, headerRow, destacadoTextColumns, true);
    if (columns === undefined) return;
    const column = (name: string): number => columns.text.find((candidate) => candidate.name === name)?.index ?? -1;
    const national: Record<string, unknown>[] = [];
    for (const row of body) {
      const place = (name: string): string => `${worksheet.name}!${row.addresses[column(name)] ?? `A${row.number}`}`;
      const textOf = (name: string): string | undefined => {
        const cell = row.cells[column(name)];
        return cell?.kind === 'text' ? cell.value : cell?.kind === 'number' ? String(cell.value) : undefined;
      };
      const ambito = slugify(textOf('ambito') ?? '');
      if (!(ambitos as readonly string[]).includes(ambito)) {
        this.sink.error(
          place('ambito'),
          ambito === '' ? 'falta el ámbito del destacado' : `«${textOf('ambito') ?? ''}» no es un ámbito`,
          'Escriba nacional, estado u hospital.',
        );
        continue;
      }
      let list = national;
      let path: PropertyKey[] = ['destacados'];
      if (ambito !== 'nacional') {
        const entities = ambito === 'estado' ? estados : hospitales;
        const key = ambito === 'estado' ? 'estados' : 'hospitales';
        const name = textOf('entidad');
        if (name === undefined) {
          this.sink.error(
            place('entidad'),
            `falta el nombre del ${ambito} del destacado`,
            `Escriba en «entidad» el nombre tal como está en la hoja ${ambito === 'estado' ? 'Estados' : 'Hospitales'}.`,
          );
          continue;
        }
        let index = entities.findIndex((entity) => entity['nombre'] === name);
        if (index === -1) {
          index = entities.length;
          entities.push({ nombre: name });
          this.remember([key, index], worksheet, row.addresses[column('entidad')] ?? '');
          this.remember([key, index, 'nombre'], worksheet, row.addresses[column('entidad')] ?? '');
        }
        const entity = entities[index] ?? {};
        list = (entity['destacados'] ??= []) as Record<string, unknown>[];
        path = [key, index, 'destacados'];
      }
      const destacadoPath = [...path, list.length];
      const destacado: Record<string, unknown> = {};
      this.remember(destacadoPath, worksheet, row.addresses[column('texto')] ?? `A${row.number}`);
      for (const name of ['texto', 'textoEn', 'unidad'] as const) {
        const index = column(name);
        if (index === -1) continue;
        const value = this.take(worksheet, row.cells[index] ?? { kind: 'empty' }, row.addresses[index] ?? '', 'texto', [
          ...destacadoPath,
          name,
        ]);
        if (value !== undefined) destacado[name] = value;
      }
      const cifras = this.readFigures(worksheet, row, columns.figures, destacadoPath);
      if (Object.keys(cifras).length > 0) destacado['cifras'] = cifras;
      const anuales = this.readFigures(worksheet, row, columns.figures, destacadoPath, 'acumuladoAnual');
      if (Object.keys(anuales).length > 0) destacado['acumuladoAnual'] = anuales;
      list.push(destacado);
    }
    if (national.length > 0) this.raw['destacados'] = national;
  }

  /**
   * The sheet "Grupos de estados": one row per state; rows with the same «grupo» form one group, in the
   * order the groups first appear. A setting may be written on one row or repeated, but never differ.
   */
  private readGruposSheet(worksheet: Worksheet | undefined): void {
    if (worksheet === undefined) return;
    const [headerRow, ...body] = this.rows(worksheet);
    if (headerRow === undefined) return;
    this.unheadedValues(worksheet, headerRow, body);
    const columns = this.grupoColumnIndexes(worksheet, headerRow);
    if (columns === undefined) return;
    const groups = new Map<string, GroupDraft>();
    for (const row of body) {
      const cellOf = (name: GrupoColumn): { content: CellContent; address: string } => {
        const index = columns.get(name);
        const address = index === undefined ? `A${row.number}` : (row.addresses[index] ?? `A${row.number}`);
        return { content: index === undefined ? { kind: 'empty' } : (row.cells[index] ?? { kind: 'empty' }), address };
      };
      const draft = this.groupOfRow(worksheet, cellOf('grupo'), groups);
      if (draft === undefined) continue;
      this.addGroupState(worksheet, draft, cellOf('estado'));
      for (const setting of grupoSettings) this.settleGroupSetting(worksheet, draft, setting, cellOf(setting.name));
    }
    if (groups.size > 0) this.raw['gruposDeEstados'] = [...groups.values()].map((draft) => draft.grupo);
  }

  /** Where each column of the sheet "Grupos de estados" is; unknown headers and a missing key column are errors. */
  private grupoColumnIndexes(
    worksheet: Worksheet,
    headerRow: { number: number; cells: CellContent[]; addresses: string[] },
  ): Map<GrupoColumn, number> | undefined {
    const columns = new Map<GrupoColumn, number>();
    const candidates = grupoColumns.map((value) => ({ value, names: [] }));
    this.header(headerRow.cells).forEach((header, index) => {
      if (header === '') return;
      const name = grupoColumns.find((column) => columnKey(column) === columnKey(header));
      if (name !== undefined) {
        columns.set(name, index);
        return;
      }
      const meant = closest(header, candidates);
      this.sink.error(
        `${worksheet.name}!${headerRow.addresses[index] ?? ''}`,
        `el encabezado «${header}» no es una columna de la hoja «${worksheet.name}»`,
        `${meant === undefined ? '' : `¿Quiso decir «${meant}»? `}Las columnas son: ${grupoColumns.join(', ')}.`,
      );
    });
    const missing = (['grupo', 'estado'] as const).filter((name) => !columns.has(name));
    if (missing.length === 0) return columns;
    this.sink.error(
      `${worksheet.name}!A${headerRow.number}`,
      `falta la columna «${missing.join('» y «')}» en el encabezado de la hoja «${worksheet.name}»`,
      `La primera fila lleva: ${grupoColumns.join(', ')}.`,
    );
    return undefined;
  }

  /** The group a row belongs to, by its «grupo» cell (created when first seen); undefined when the cell says none. */
  private groupOfRow(
    worksheet: Worksheet,
    cell: { content: CellContent; address: string },
    groups: Map<string, GroupDraft>,
  ): GroupDraft | undefined {
    const label = this.readAt(worksheet, cell.content, cell.address, 'texto', ['gruposDeEstados']);
    if (typeof label !== 'string') {
      if (cell.content.kind === 'empty')
        this.sink.error(
          `${worksheet.name}!${cell.address}`,
          'falta el número de grupo de esta fila',
          'Escriba en «grupo» el número del grupo (1, 2...): las filas de un mismo grupo llevan el mismo número.',
        );
      return undefined;
    }
    const known = groups.get(label);
    if (known !== undefined) return known;
    const draft: GroupDraft = { label, index: groups.size, grupo: { estados: [] }, firstCell: new Map() };
    groups.set(label, draft);
    this.remember(['gruposDeEstados', draft.index], worksheet, cell.address);
    return draft;
  }

  private addGroupState(
    worksheet: Worksheet,
    draft: GroupDraft,
    cell: { content: CellContent; address: string },
  ): void {
    const path = ['gruposDeEstados', draft.index, 'estados', draft.grupo.estados.length];
    if (cell.content.kind === 'empty') {
      this.sink.error(
        `${worksheet.name}!${cell.address}`,
        `falta el estado de esta fila del grupo ${draft.label}`,
        'Escriba en «estado» el nombre del estado u OOAD; cada fila del grupo lleva un estado.',
      );
      return;
    }
    const estado = this.take(worksheet, cell.content, cell.address, 'texto', path);
    if (estado !== undefined) draft.grupo.estados.push(estado);
  }

  /** A group's setting is the first cell that gives it; a later row may leave it empty or repeat it, never change it. */
  private settleGroupSetting(
    worksheet: Worksheet,
    draft: GroupDraft,
    setting: { name: string; kind: FieldKind },
    cell: { content: CellContent; address: string },
  ): void {
    if (cell.content.kind === 'empty') return;
    const path = ['gruposDeEstados', draft.index, setting.name];
    const first = draft.firstCell.get(setting.name);
    if (first === undefined) {
      const value = this.take(worksheet, cell.content, cell.address, setting.kind, path);
      if (value === undefined) return;
      draft.grupo[setting.name] = value;
      draft.firstCell.set(setting.name, `${worksheet.name}!${cell.address}`);
      return;
    }
    const value = this.readAt(worksheet, cell.content, cell.address, setting.kind, path);
    if (value === undefined || value === draft.grupo[setting.name]) return;
    this.sink.error(
      `${worksheet.name}!${cell.address}`,
      `el grupo ${draft.label} tiene en «${setting.name}» «${String(draft.grupo[setting.name])}» (${first}) y aquí «${String(value)}»`,
      `Las filas de un grupo comparten «${setting.name}»: escriba el mismo valor que en ${first}, o deje la celda vacía. Si son grupos distintos, dé a estas filas otro número en «grupo».`,
    );
  }
}

/** What the sheet "Grupos de estados" says of one group, and the cell that said each setting first. */
interface GroupDraft {
  readonly label: string;
  readonly index: number;
  readonly grupo: Record<string, unknown> & { estados: unknown[] };
  readonly firstCell: Map<string, string>;
}

/** The settings of a group (all but its states) and how each cell is read. */
const grupoSettings: readonly { name: Exclude<GrupoColumn, 'grupo' | 'estado'>; kind: FieldKind }[] = [
  { name: 'masDe', kind: 'entero' },
  { name: 'de', kind: 'texto' },
  { name: 'enunciado', kind: 'texto' },
];

/** "Más de", "mas_de" and "masDe" name one column: slugs compared without their hyphens. */
function columnKey(text: string): string {
  return slugify(text).replace(/-/g, '');
}

function isHeader(cell: CellContent | undefined, word: string): boolean {
  return cell?.kind === 'text' && slugify(cell.value) === word;
}

function setAt(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
  const last = segments.at(-1);
  if (last !== undefined) node[last] = value;
}

function pushAt(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
  const last = segments.at(-1);
  if (last === undefined) return;
  const list = (node[last] ??= []) as unknown[];
  list.push(value);
}
