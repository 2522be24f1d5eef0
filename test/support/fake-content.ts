/**
 * The deterministic content the fake publisher writes, so a test can tell a complete file from a partial
 * one: the first line states the bulletin, format and total length; the rest is filler derived from it.
 */
export function fakeContent(
  header: { hash: string; number: number | null; year: number; version: number; extension: string },
  size: number,
): string {
  const head = `BOLETIN ${header.number ?? 'BORRADOR'}/${header.year} v${header.version} datos=${header.hash} ext=${header.extension} len=${size}\n`;
  let body = head;
  let line = 0;
  while (body.length < size) body += `linea ${line++} ${header.hash}\n`;
  return body.slice(0, Math.max(size, head.length));
}

/** Whether `text` is exactly a complete file written by the fake publisher. */
export function isCompleteFakeContent(text: string): boolean {
  const match = /^BOLETIN (\d+|BORRADOR)\/(\d{4}) v(\d+) datos=(\S+) ext=(\S+) len=(\d+)\n/.exec(text);
  if (match === null) return false;
  const [, number, year, version, hash, extension, size] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = fakeContent(
    {
      hash,
      number: number === 'BORRADOR' ? null : Number(number),
      year: Number(year),
      version: Number(version),
      extension,
    },
    Number(size),
  );
  return text === expected;
}
