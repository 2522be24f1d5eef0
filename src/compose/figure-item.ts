/** One figure of the dataset as the templates see it: which indicator, its value (never zero) and its field. */
export interface FigureItem {
  readonly id: string;
  readonly valor: number;
  /** The dataset path it comes from ("cifras.cirugias", "estados[2].cifras.consultas"), for the verification. */
  readonly fuente: string;
  /** false: a short-form list keeps this figure's full noun (a part named alone, as in the summary bullet). */
  readonly corto?: boolean;
}

/**
 * The figures to print from a `cifras` record found at dataset path `base`, in catalog order, leaving
 * out zeros and absent ones: an indicator that is zero leaves no trace in the bulletin.
 */
export function figureItems(
  cifras: Readonly<Record<string, number>> | undefined,
  base: string,
  order: (ids: Iterable<string>) => string[],
  keep: (id: string) => boolean = () => true,
): FigureItem[] {
  if (cifras === undefined) return [];
  return order(Object.keys(cifras))
    .filter((id) => keep(id) && (cifras[id] ?? 0) > 0)
    .map((id) => ({ id, valor: cifras[id] ?? 0, fuente: `${base}.${id}` }));
}
