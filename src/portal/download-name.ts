/**
 * URL part naming one of a version's recorded files: the registry's formats ("pdf", "verificacion-html",
 * "en.pdf", "estatal-jalisco.docx", "tarjeta.png-1200x675"). It is only compared with the recorded
 * formats, never joined to a path; the check keeps odd URLs from reaching the lookup at all.
 */
export const FORMAT_PART = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * The name a download is saved under: the bulletin's name, then what tells its files apart.
 * "pdf" -> "Boletín 093-2023.pdf"; "en.pdf" -> "Boletín 093-2023.en.pdf"; "verificacion-html" ->
 * "Boletín 093-2023.verificacion.html" (not the bulletin's own "Boletín 093-2023.html").
 */
export function downloadName(baseName: string, format: string, extension: string): string {
  if (format === extension || format.endsWith(`.${extension}`)) return `${baseName}.${format}`;
  const stem = format.endsWith(`-${extension}`) ? format.slice(0, -extension.length - 1) : format;
  return `${baseName}.${stem}.${extension}`;
}
