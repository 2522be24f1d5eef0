/**
 * A Content-Disposition header whose name survives every browser (RFC 6266): an ASCII `filename` with
 * accents folded and quotes and controls dropped, and the real name as UTF-8 in `filename*` (RFC 8187).
 * Written by hand because it is ten lines; the packages that do it pull in more than they give.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim() || 'archivo';
  const ascii = clean
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(clean)}`;
}

function encodeRfc8187(text: string): string {
  // encodeURIComponent leaves !'()* as they are; RFC 8187's attr-char does not allow ' ( ) *.
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
