/** What `hyphen/<lang>/index.js` exports (see hyphen.d.ts). */
export interface HyphenOptions {
  /** The character inserted at each break point (default U+00AD, the soft hyphen). */
  readonly hyphenChar?: string;
  /** Words shorter than this are left whole (default 5). */
  readonly minWordLength?: number;
  /** Words hyphenated by hand ("ca-sa"), taking precedence over the patterns. */
  readonly exceptions?: readonly string[];
}

export interface HyphenModule {
  hyphenateSync(text: string, options?: HyphenOptions): string;
}
