/** Choices a whole edition makes once, beside its figure style. */
export interface PhrasingOptions {
  /** "120.9%" instead of "120.9 por ciento" / "120.9 percent". */
  readonly percentSign?: boolean;
  /** Spanish: "1 millón 200 mil" instead of the house "un millón 200 mil". */
  readonly millionInDigits?: boolean;
  /** Spanish: the groups after "mil"/"millón" keep three digits ("90 mil 034") in any figure style. */
  readonly padGroups?: boolean;
  /** English: the serial (Oxford) comma, "A, B, and C". */
  readonly serialComma?: boolean;
}
