/** Calendar arithmetic on ISO dates ("2023-02-24"), in whole days, free of time zones. */

function dayNumber(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Days from `start` to `end`: 0 for the same day, negative when end is earlier. */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from start to end, both included. */
export function daysOf(start: string, end: string): string[] {
  const count = daysBetween(start, end);
  return Array.from({ length: Math.max(0, count + 1) }, (_, index) => addDays(start, index));
}
