import type { Jornada } from '../dataset/schema.ts';

/**
 * The `<slug>` of a bulletin's file names, from its data so that it is the same on every run:
 * "extraordinaria-continuidad-2023-02-24". ASCII and kebab-case, safe on every file system.
 */
export function bulletinSlug(jornada: Jornada): string {
  return `${jornada.tipo}-${jornada.fechas.inicio}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
