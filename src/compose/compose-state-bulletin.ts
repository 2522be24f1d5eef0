import type { Estado, Jornada } from '../dataset/schema.ts';
import type { Block, BulletinDocument, Inline } from '../model/bulletin-document.ts';
import { INSTITUTION_SIZE } from './build-view.ts';
import { type ComposeOptions, composeBulletin } from './compose-bulletin.ts';

/** The states that get a local bulletin: those with figures or highlights of their own. */
export function statesWithData(jornada: Jornada): Array<{ readonly estado: Estado; readonly index: number }> {
  return (jornada.estados ?? [])
    .map((estado, index) => ({ estado, index }))
    .filter(
      ({ estado }) =>
        Object.values(estado.cifras ?? {}).some((value) => value > 0) || (estado.destacados ?? []).length > 0,
    );
}

/**
 * A state's local bulletin: the jornada told from the state, with the state's figures and highlights
 * as its own, its own dateline place, and the national bulletin's number. It is composed as a jornada of
 * its own (so the same decisions and partials write it), then every source is moved back onto the
 * state's fields ("cifras.cirugias" becomes "estados[3].cifras.cirugias"), so the verification reads
 * the real dataset.
 */
export function composeStateBulletin(
  jornada: Jornada,
  index: number,
  options: Omit<ComposeOptions, 'template' | 'local' | 'place' | 'edition'>,
): BulletinDocument {
  const estado = jornada.estados?.[index];
  if (estado === undefined) throw new RangeError(`No hay estado ${String(index)} en la jornada.`);
  const local: Jornada = {
    tipo: jornada.tipo,
    ...(jornada.ordinal === undefined ? {} : { ordinal: jornada.ordinal }),
    ...(jornada.ultimaDelAnio === undefined ? {} : { ultimaDelAnio: jornada.ultimaDelAnio }),
    fechas: jornada.fechas,
    ...(jornada.programa === undefined ? {} : { programa: jornada.programa }),
    cifras: estado.cifras ?? {},
    ...(estado.destacados === undefined ? {} : { destacados: estado.destacados }),
    ...(jornada.enlaces === undefined ? {} : { enlaces: jornada.enlaces }),
  };
  const doc = composeBulletin(local, {
    ...options,
    template: 'estatal',
    // Only a jornada held in every OOAD is "en todo el país"; the state bulletin says nothing of where else it was.
    local: { nombre: estado.nombre, todoElPais: jornada.participacion?.ooad === INSTITUTION_SIZE.ooad },
    place: estado.lugar ?? estado.nombre,
    edition: `estatal-${stateSlug(estado.nombre)}`,
  });
  const rebase = (field: string): string =>
    /^(cifras|destacados)[.[]/.test(field) ? `estados[${String(index)}].${field}` : field;
  return {
    ...doc,
    bullets: doc.bullets.map((bullet) => rebaseInlines(bullet, rebase)),
    body: doc.body.map((block) => rebaseBlock(block, rebase)),
    ...(doc.lines === undefined
      ? {}
      : {
          lines: {
            dateline: rebaseInlines(doc.lines.dateline, rebase),
            number: rebaseInlines(doc.lines.number, rebase),
            headline: rebaseInlines(doc.lines.headline, rebase),
          },
        }),
  };
}

/** "Estado de México Poniente" -> "estado-de-mexico-poniente": the edition's name in file names. */
export function stateSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function rebaseInlines(content: readonly Inline[], rebase: (field: string) => string): Inline[] {
  return content.map((inline) => {
    if (inline.kind === 'text') {
      return inline.source === undefined
        ? inline
        : { ...inline, source: { ...inline.source, fields: inline.source.fields.map(rebase) } };
    }
    return { ...inline, children: rebaseInlines(inline.children, rebase) };
  });
}

function rebaseBlock(block: Block, rebase: (field: string) => string): Block {
  if (block.kind === 'list') return { ...block, items: block.items.map((item) => rebaseInlines(item, rebase)) };
  return { ...block, content: rebaseInlines(block.content, rebase) };
}
