/** The formats a bulletin is rendered in, by the names the CLI accepts. */
export const OutputFormat = {
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  md: 'md',
} as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

export const ALL_FORMATS: readonly OutputFormat[] = Object.values(OutputFormat);
/** What `npm run boletin` writes when no format is asked for: the three forms a bulletin is distributed in. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = [OutputFormat.html, OutputFormat.pdf, OutputFormat.docx];

export function isOutputFormat(name: string): name is OutputFormat {
  return (ALL_FORMATS as readonly string[]).includes(name);
}
