/** Lowercase, without accents, words joined by hyphens: "Trasplante_Riñón" -> "trasplante-rinon". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Edit distance (insertions, deletions, substitutions), for "¿quiso decir ...?" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `wanted`, comparing slugs, when it is close enough to be a likely typo;
 * each candidate may bring other names (aliases) it is also known by.
 */
export function closest(
  wanted: string,
  candidates: readonly { readonly value: string; readonly names: readonly string[] }[],
): string | undefined {
  const target = slugify(wanted);
  if (target === '') return undefined;
  let best: { value: string; score: number } | undefined;
  for (const candidate of candidates) {
    for (const name of [candidate.value, ...candidate.names]) {
      const slug = slugify(name);
      let score = editDistance(target, slug);
      // "rinon" or "cornea" alone name one indicator well enough when only one contains it.
      if (target.length >= 4 && slug.includes(target)) score = Math.min(score, 1);
      if (best === undefined || score < best.score) best = { value: candidate.value, score };
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(2, Math.floor(target.length * 0.4));
  return best.score <= tolerance ? best.value : undefined;
}
