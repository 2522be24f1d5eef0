import type { Registry } from '../publish/registry.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import { ApprovalError } from './approval-errors.ts';

/** What every step of the workflow works with. */
export interface ApprovalContext {
  readonly registry: Registry;
  /** The time the log records; the scheduler passes its own clock. */
  readonly clock?: (() => Date) | undefined;
  readonly browser?: Omit<BrowserOptions, 'signal'> | undefined;
  readonly signal?: AbortSignal | undefined;
}

export function nowOf(context: ApprovalContext): string {
  return (context.clock?.() ?? new Date()).toISOString();
}

/** Every change names a person: the log must say who. */
export function checkPerson(person: string): string {
  const trimmed = person.trim();
  if (trimmed === '')
    throw new ApprovalError('Falta el nombre de la persona que hace el cambio: el registro anota quién hizo qué.');
  if (trimmed.length > 200)
    throw new ApprovalError('El nombre de la persona es demasiado largo (más de 200 caracteres).');
  return trimmed;
}
