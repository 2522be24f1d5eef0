/** One figure of the dataset as the templates see it: which indicator, and its value (never zero). */
export interface FigureItem {
  readonly id: string;
  readonly valor: number;
  /** false: a short-form list keeps this figure's full noun (a part named alone, as in the summary bullet). */
  readonly corto?: boolean;
}

/**
 * The figures to print from a `cifras` record, in catalog order, leaving out zeros and absent ones:
 * an indicator that is zero leaves no trace in the bulletin.
 */
export function figureItems(
  cifras: Readonly<Record<string, number>> | undefined,
  order: (ids: Iterable<string>) => string[],
  keep: (id: string) => boolean = () => true,
): FigureItem[] {
  if (cifras === undefined) return [];
  return order(Object.keys(cifras))
    .filter((id) => keep(id) && (cifras[id] ?? 0) > 0)
    .map((id) => ({ id, valor: cifras[id] ?? 0 }));
}
