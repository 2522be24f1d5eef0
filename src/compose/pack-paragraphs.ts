/**
 * Sentences gathered into paragraphs the way a press officer would: consecutive highlights of a few
 * words each are joined until a paragraph holds at least `min` words, and a paragraph never grows past
 * `max` words by taking one more. A sentence longer than `max` stands alone. The seeds' body paragraphs
 * run 25 to 85 words; a chain of one-line paragraphs reads as a list, not as a bulletin.
 */
export const PARAGRAPH_WORDS = { min: 25, max: 85 } as const;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

export function packParagraphs(
  sentences: readonly string[],
  limits: { min: number; max: number } = PARAGRAPH_WORDS,
): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const length = countWords(sentence);
    if (current.length > 0 && (words >= limits.min || words + length > limits.max)) {
      paragraphs.push(current);
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += length;
  }
  if (current.length > 0) {
    // A short tail joins the paragraph before it when both fit, rather than standing alone.
    const previous = paragraphs.at(-1);
    if (previous !== undefined && words < limits.min && countWords(previous.join(' ')) + words <= limits.max)
      previous.push(...current);
    else paragraphs.push(current);
  }
  return paragraphs;
}
