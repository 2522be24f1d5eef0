import { DateTime } from 'luxon';
import type { Jornada } from '../dataset/schema.ts';

/**
 * The date a bulletin is issued: the one asked for, else the one the office fixed in the dataset, else
 * the day after the jornada ended. Never "today": the same dataset must give the same bulletin on any day.
 */
export function resolveIssueDate(jornada: Jornada, requested?: string): string {
  if (requested !== undefined) return requested;
  if (jornada.boletin?.fecha !== undefined) return jornada.boletin.fecha;
  const dayAfter = DateTime.fromISO(jornada.fechas.fin, { zone: 'America/Mexico_City' }).plus({ days: 1 });
  return dayAfter.toISODate() ?? jornada.fechas.fin;
}
