import hyphenEnglish from 'hyphen/en-us/index.js';
import hyphenSpanish from 'hyphen/es/index.js';

/** U+00AD SOFT HYPHEN: a place where a word may break, printed as "-" only when it does. */
export const SOFT_HYPHEN = '\u00AD';

/**
 * Words shorter than this stay whole: a break in "tam-bién" or "sa-lud" helps a justified line little
 * and reads worse than a slightly wider gap.
 */
const MIN_WORD_LENGTH = 7;

/**
 * Soft hyphens at the break points of Spanish (or English) words, from the TeX hyphenation patterns
 * of the `hyphen` package (hyph-utf8 hyph-es: never one letter alone at either end of a line, as the
 * RAE asks). Chromium breaks a justified line at a soft hyphen and Word and LibreOffice do too
 * (the DOCX writes them as <w:softHyphen/>), so the same words break in the same places in every
 * format, with no hyphenation dictionary installed on the machine.
 *
 * Never hyphenated, because a break there reads wrong or changes what is read:
 * - a unit joined by no-break spaces ("3 mil 729", "24 al 26", "No. 093/2023"): a figure stays whole;
 * - anything with a digit, a slash, an "@" or a dot inside (figures, "COVID-19", addresses, URLs);
 * - a hard hyphen: a compound breaks only inside its parts ("cró-ni-co-de-ge-ne-ra-ti-vas" at its
 *   syllables, never at "crónico-"), and the renderers keep the hyphen with its neighbours;
 * - a word with two capitals or more (acronyms: "IMSS", "OOAD", "UMAE").
 * Proper names ("Ro·ble·do", "Des·con·cen·tra·da") break on their Spanish syllables and read right.
 */
export function hyphenate(text: string, lang: string): string {
  const hyphenator = lang.toLowerCase().startsWith('en') ? hyphenEnglish : hyphenSpanish;
  // Split on breakable whitespace only: a no-break space keeps its neighbours in one token.
  return text
    .split(/([ \t\n\r\f]+)/)
    .map((token, index) => {
      if (index % 2 === 1 || !mayHyphenate(token)) return token;
      // A compound ("crónico-degenerativas") breaks inside its parts, never at its own hyphen.
      return token
        .split('-')
        .map((part) => (mayHyphenatePart(part) ? hyphenateWord(part, hyphenator) : part))
        .join('-');
    })
    .join('');
}

const options = { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LENGTH } as const;

type Hyphenator = typeof hyphenSpanish;

/**
 * Words already hyphenated, by language. A batch writes the same few hundred words in every bulletin
 * (and each text is hyphenated for the HTML, the PDF and the DOCX); the patterns are walked once per
 * word. Bounded, for a long-running scheduler.
 */
const knownWords = new Map<string, string>();
const MAX_KNOWN_WORDS = 20_000;

function hyphenateWord(word: string, hyphenator: Hyphenator): string {
  const key = `${hyphenator === hyphenSpanish ? 'es' : 'en'}:${word}`;
  const known = knownWords.get(key);
  if (known !== undefined) return known;
  const broken = hyphenator.hyphenateSync(word, options);
  if (knownWords.size >= MAX_KNOWN_WORDS) knownWords.clear();
  knownWords.set(key, broken);
  return broken;
}

function mayHyphenate(token: string): boolean {
  if (token.length < MIN_WORD_LENGTH || token.includes('\u00A0') || token.includes(SOFT_HYPHEN)) return false;
  return !/[\d/@\\_]|\.\p{L}|:\/\//u.test(token);
}

function mayHyphenatePart(part: string): boolean {
  return part.length >= MIN_WORD_LENGTH && (part.match(/\p{Lu}/gu) ?? []).length < 2;
}
