import { strToU8, zipSync, type Zippable } from 'fflate';

/** A package part as docx's compiler gives it: XML text, or bytes (media). */
export type PackagePart = string | Uint8Array;

/**
 * The docx package stamps the current time (core properties and every zip entry) and draws random
 * hyperlink relationship ids, so two renders of one document would differ. This zips the compiled parts
 * once, with the issue date as the time and numbered ids, so the same document gives the same bytes.
 * (It used to let docx zip the package, then unzip it, fix it and zip it again: a third of the DOCX
 * step's time in a batch.) A PNG is stored as it is: it is compressed already.
 */
export function zipReproducible(parts: ReadonlyMap<string, PackagePart>, issuedAt: string, issued: Date): Uint8Array {
  const texts = new Map<string, string>();
  for (const [name, data] of parts) if (typeof data === 'string') texts.set(name, data);
  const renames = randomRelationshipIds(texts);
  const stamp = issued.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files: Zippable = {};
  for (const [name, data] of parts) {
    if (typeof data !== 'string') {
      // Only a PNG is compressed already; other media (an SVG is text) are deflated as the XML is.
      files[name] = name.endsWith('.png') ? [data, { level: 0 }] : data;
      continue;
    }
    let fixed = data.replace(
      /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
      `$1${stamp}$2`,
    );
    for (const [from, to] of renames) fixed = fixed.split(`"${from}"`).join(`"${to}"`);
    files[name] = strToU8(fixed);
  }
  return zipSync(files, { level: 6, mtime: wallClock(issuedAt) });
}

/** Relationship ids that are not docx's own numbered ones (rId1, rId2...), in order of appearance. */
function randomRelationshipIds(texts: ReadonlyMap<string, string>): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const match of text.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1] ?? '';
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    }
  }
  return renames;
}

/**
 * Zip entries carry a local date and time without a zone. They are given the issue's own wall-clock
 * time, read from the ISO string, so the bytes do not depend on the machine's time zone.
 */
function wallClock(issuedAt: string): Date {
  const [, year, month, day, hour, minute, second] =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(issuedAt)?.map(Number) ?? [];
  return new Date(year ?? 1980, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
}
