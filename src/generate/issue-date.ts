import { defaultIssueDate } from '../dataset/publishable-values.ts';
import type { Jornada } from '../dataset/schema.ts';

/**
 * The date a bulletin is issued: the one asked for, else the one the office fixed in the dataset, else
 * the day after the jornada ended (the same rule validation checks). Never "today": the same dataset must
 * give the same bulletin on any day.
 */
export function resolveIssueDate(jornada: Jornada, requested?: string): string {
  return requested ?? defaultIssueDate(jornada);
}
