import type { Catalog } from './catalog.ts';
import { daysBetween } from './dates.ts';
import type { ProblemSink } from './problem.ts';
import { loadProgrammeCatalog } from './programme-catalog.ts';
import type { Cifras, Destacado, Fechas, Jornada } from './schema.ts';

/**
 * The checks a schema cannot express: dates that make sense, parts that fit in their totals, states and
 * hospitals that fit in the national figures, achieved actions against planned ones.
 * Errors are what cannot be true; warnings are what is unusual and deserves a second look
 * (several published bulletins have them: see data/README.md).
 */

type PlaceOf = (path: readonly PropertyKey[]) => string;

export const institutionSize = { ooad: 35, umae: 25 } as const;

export function checkConsistency(jornada: Jornada, catalog: Catalog, sink: ProblemSink, placeOf: PlaceOf): void {
  checkDates(jornada, sink, placeOf);
  checkParticipation(jornada, sink, placeOf);
  for (const scope of figureScopes(jornada)) checkPartsWithinTotals(scope.cifras, scope.path, catalog, sink, placeOf);
  checkEntitiesWithinNational(jornada, catalog, sink, placeOf);
  checkGoal(jornada, catalog, sink, placeOf);
  checkLists(jornada, sink, placeOf);
  checkPlaces(jornada, catalog, sink, placeOf);
}

/**
 * Nothing given is silently dropped: a state with neither figures nor highlights has nothing the bulletin
 * can say of it, and a group of states must count something the bulletin has a noun for.
 */
function checkPlaces(jornada: Jornada, catalog: Catalog, sink: ProblemSink, placeOf: PlaceOf): void {
  for (const key of ['estados', 'hospitales'] as const) {
    jornada[key]?.forEach((place, index) => {
      const hasFigures = Object.values(place.cifras ?? {}).some((value) => value > 0);
      if (hasFigures || (place.destacados ?? []).length > 0) return;
      sink.warn(
        placeOf([key, index, 'nombre']),
        `«${place.nombre}» no tiene cifras ni destacados: el boletín no lo nombra`,
        key === 'estados'
          ? 'Dé sus cifras o un destacado, o nómbrelo en «gruposDeEstados» o en «participacion.ooadNombres».'
          : 'Dé sus cifras o un destacado, o nómbrelo en «participacion.umaeNombres».',
      );
    });
  }
  jornada.gruposDeEstados?.forEach((grupo, index) => {
    if (grupo.de !== undefined && grupo.de !== 'accion' && !catalog.has(grupo.de)) {
      sink.error(
        placeOf(['gruposDeEstados', index, 'de']),
        `«${grupo.de}» no es «accion» ni un indicador del catálogo`,
        'Escriba «accion» o un id de data/catalogo/indicadores.yaml.',
      );
    }
    if (grupo.masDe === 0) {
      sink.error(
        placeOf(['gruposDeEstados', index, 'masDe']),
        '«más de 0» no dice nada',
        'Escriba el umbral que cada estado superó, o quite «masDe» y use «enunciado».',
      );
    }
    reportDuplicates(grupo.estados, ['gruposDeEstados', index, 'estados'], 'error', sink, placeOf);
  });
}

function checkDates(jornada: Jornada, sink: ProblemSink, placeOf: PlaceOf): void {
  // The longest plausible jornada is a setting of its programme in data/catalogo/programas.yaml.
  const maxDays = loadProgrammeCatalog().require(jornada.tipo).dias;
  checkRange(jornada.fechas, ['fechas'], maxDays, 'la jornada', sink, placeOf);
  const year = Number(jornada.fechas.inicio.slice(0, 4));
  const thisYear = new Date().getUTCFullYear();
  if (year < 2020 || year > thisYear + 1) {
    sink.warn(
      placeOf(['fechas', 'inicio']),
      `la jornada sería del año ${year}, fuera de los años de las jornadas de recuperación`,
      'Revise el año de la fecha.',
    );
  }
  if (jornada.proxima !== undefined) {
    checkRange(jornada.proxima, ['proxima'], maxDays, 'la próxima jornada', sink, placeOf);
    if (jornada.proxima.inicio <= jornada.fechas.fin) {
      sink.error(
        placeOf(['proxima', 'inicio']),
        `la próxima jornada (${jornada.proxima.inicio}) empieza antes de que termine ésta (${jornada.fechas.fin})`,
        'Revise las fechas de «proxima»: deben ser posteriores a «fechas.fin».',
      );
    }
  }
  if (jornada.programa?.inicio !== undefined && jornada.programa.inicio > jornada.fechas.inicio) {
    sink.warn(
      placeOf(['programa', 'inicio']),
      `la estrategia empezaría (${jornada.programa.inicio}) después de la jornada (${jornada.fechas.inicio})`,
      'Revise «programa.inicio».',
    );
  }
  const boletin = jornada.boletin;
  if (boletin?.numero !== undefined && boletin.fecha === undefined) {
    sink.error(
      placeOf(['boletin', 'numero']),
      'el boletín tiene número pero no fecha, y el año del número sale de la fecha',
      'Escriba «boletin.fecha» (año-mes-día).',
    );
  }
  if (boletin?.fecha !== undefined) {
    if (boletin.fecha < jornada.fechas.inicio) {
      sink.error(
        placeOf(['boletin', 'fecha']),
        `el boletín (${boletin.fecha}) sería anterior al inicio de la jornada (${jornada.fechas.inicio})`,
        'Revise «boletin.fecha».',
      );
    } else if (boletin.fecha < jornada.fechas.fin) {
      sink.warn(
        placeOf(['boletin', 'fecha']),
        `el boletín (${boletin.fecha}) sale antes de que termine la jornada (${jornada.fechas.fin})`,
        'Revise «boletin.fecha» si no es un avance.',
      );
    } else if (daysBetween(jornada.fechas.fin, boletin.fecha) > 60) {
      sink.warn(
        placeOf(['boletin', 'fecha']),
        `el boletín (${boletin.fecha}) sale más de 60 días después de la jornada`,
        'Revise el año o el mes de «boletin.fecha».',
      );
    }
  }
}

function checkRange(
  fechas: Fechas,
  path: readonly string[],
  maxDays: number,
  what: string,
  sink: ProblemSink,
  placeOf: PlaceOf,
): void {
  const length = daysBetween(fechas.inicio, fechas.fin) + 1;
  if (length < 1) {
    sink.error(
      placeOf([...path, 'fin']),
      `${what} termina (${fechas.fin}) antes de empezar (${fechas.inicio})`,
      '¿Están invertidas «inicio» y «fin»? Revise también el mes y el año.',
    );
    return;
  }
  if (length > maxDays) {
    sink.error(
      placeOf([...path, 'fin']),
      `${what} duraría ${length} días (del ${fechas.inicio} al ${fechas.fin}); una de este tipo dura a lo más ${maxDays}`,
      'Revise «inicio» y «fin» (¿el mes o el año?), o el «tipo» de jornada.',
    );
  }
  if (fechas.dias === undefined) return;
  const dias = fechas.dias;
  dias.forEach((day, index) => {
    const place = placeOf([...path, 'dias', index]);
    if (day < fechas.inicio || day > fechas.fin) {
      sink.error(
        place,
        `el día ${day} queda fuera de ${what} (${fechas.inicio} a ${fechas.fin})`,
        'Corrija el día o el rango.',
      );
    }
    const previous = dias[index - 1];
    if (previous !== undefined && day <= previous) {
      sink.error(place, `el día ${day} está repetido o fuera de orden`, 'Escriba los días en orden, sin repetir.');
    }
  });
  if (dias[0] !== fechas.inicio || dias.at(-1) !== fechas.fin) {
    sink.error(
      placeOf([...path, 'dias']),
      `la lista de días debe empezar en «inicio» (${fechas.inicio}) y acabar en «fin» (${fechas.fin})`,
      'Corrija la lista o el rango.',
    );
  }
}

function checkParticipation(jornada: Jornada, sink: ProblemSink, placeOf: PlaceOf): void {
  const participacion = jornada.participacion;
  if (participacion === undefined) return;
  const lists = [
    ['ooad', participacion.ooad, participacion.ooadNombres],
    ['umae', participacion.umae, participacion.umaeNombres],
  ] as const;
  for (const [key, count, names] of lists) {
    if (count !== undefined && count > institutionSize[key]) {
      sink.warn(
        placeOf(['participacion', key]),
        `${count} ${key.toUpperCase()} son más de las ${institutionSize[key]} que tiene el IMSS`,
        `Revise «participacion.${key}».`,
      );
    }
    if (names === undefined) continue;
    if (count === undefined) {
      sink.error(
        placeOf(['participacion', key]),
        `hay nombres de ${key.toUpperCase()} pero no su número`,
        `Escriba «participacion.${key}»: ${names.length}.`,
      );
    } else if (names.length !== count) {
      sink.error(
        placeOf(['participacion', `${key}Nombres`]),
        `la lista nombra ${names.length} ${key.toUpperCase()}, pero «participacion.${key}» dice ${count}`,
        'Haga que coincidan: complete la lista o corrija el número.',
      );
    }
    reportDuplicates(names, ['participacion', `${key}Nombres`], 'error', sink, placeOf);
  }
  if (jornada.estados !== undefined && jornada.estados.length > participacion.ooad) {
    sink.warn(
      placeOf(['estados']),
      `hay ${jornada.estados.length} estados con datos pero sólo participaron ${participacion.ooad} OOAD`,
      'Revise «participacion.ooad» o la lista de estados.',
    );
  }
  if (
    jornada.hospitales !== undefined &&
    participacion.umae !== undefined &&
    jornada.hospitales.length > participacion.umae
  ) {
    sink.warn(
      placeOf(['hospitales']),
      `hay ${jornada.hospitales.length} hospitales con datos pero sólo participaron ${participacion.umae} UMAE`,
      'Revise «participacion.umae» o la lista de hospitales.',
    );
  }
}

interface Scope {
  readonly cifras: Cifras;
  readonly path: readonly PropertyKey[];
}

/** Every set of figures in the dataset, with where it is. */
function figureScopes(jornada: Jornada): Scope[] {
  const scopes: Scope[] = [{ cifras: jornada.cifras, path: ['cifras'] }];
  if (jornada.cifrasUmae) scopes.push({ cifras: jornada.cifrasUmae, path: ['cifrasUmae'] });
  if (jornada.acumuladoAnual) scopes.push({ cifras: jornada.acumuladoAnual, path: ['acumuladoAnual'] });
  const addHighlights = (destacados: readonly Destacado[] | undefined, path: readonly PropertyKey[]): void => {
    destacados?.forEach((destacado, index) => {
      if (destacado.cifras) scopes.push({ cifras: destacado.cifras, path: [...path, index, 'cifras'] });
      if (destacado.acumuladoAnual)
        scopes.push({ cifras: destacado.acumuladoAnual, path: [...path, index, 'acumuladoAnual'] });
    });
  };
  addHighlights(jornada.destacados, ['destacados']);
  for (const key of ['estados', 'hospitales'] as const) {
    jornada[key]?.forEach((entity, index) => {
      if (entity.cifras) scopes.push({ cifras: entity.cifras, path: [key, index, 'cifras'] });
      addHighlights(entity.destacados, [key, index, 'destacados']);
    });
  }
  return scopes;
}

/** Within one set of figures, the parts of a total never add up to more than the total. */
function checkPartsWithinTotals(
  cifras: Cifras,
  path: readonly PropertyKey[],
  catalog: Catalog,
  sink: ProblemSink,
  placeOf: PlaceOf,
): void {
  const partsByTotal = new Map<string, string[]>();
  for (const id of Object.keys(cifras)) {
    if (!catalog.has(id)) continue;
    const total = catalog.totalsAbove(id).find((candidate) => cifras[candidate.id] !== undefined);
    if (total === undefined) continue;
    partsByTotal.set(total.id, [...(partsByTotal.get(total.id) ?? []), id]);
  }
  for (const [totalId, partIds] of partsByTotal) {
    const total = cifras[totalId] ?? 0;
    const sum = partIds.reduce((accumulated, id) => accumulated + (cifras[id] ?? 0), 0);
    if (sum <= total) continue;
    const detail = catalog
      .order(partIds)
      .map((id) => `${id} ${cifras[id] ?? 0}`)
      .join(' + ');
    sink.error(
      placeOf([...path, totalId]),
      `las partes de «${totalId}» suman ${sum} (${detail}), más que el total, ${total}`,
      `Corrija «${totalId}» o alguna de sus partes: el total incluye a todas.`,
    );
  }
}

/** States and hospitals are parts of the national figures; highlights are parts of their entity's. */
function checkEntitiesWithinNational(jornada: Jornada, catalog: Catalog, sink: ProblemSink, placeOf: PlaceOf): void {
  const sumOf = (destacados: readonly Destacado[] | undefined, id: string): number | undefined =>
    destacados?.reduce<number | undefined>((total, destacado) => {
      const value = destacado.cifras?.[id];
      return value === undefined ? total : (total ?? 0) + value;
    }, undefined);
  const effective = (
    entity: { cifras?: Cifras | undefined; destacados?: readonly Destacado[] | undefined },
    id: string,
  ): number | undefined => entity.cifras?.[id] ?? sumOf(entity.destacados, id);
  const sumEntities = (
    entities: readonly { cifras?: Cifras | undefined; destacados?: readonly Destacado[] | undefined }[] | undefined,
    id: string,
  ): number | undefined =>
    entities?.reduce<number | undefined>((total, entity) => {
      const value = effective(entity, id);
      return value === undefined ? total : (total ?? 0) + value;
    }, undefined);

  for (const key of ['estados', 'hospitales'] as const) {
    jornada[key]?.forEach((entity, index) => {
      if (entity.cifras === undefined) return;
      for (const [id, value] of Object.entries(entity.cifras)) {
        const inHighlights = sumOf(entity.destacados, id);
        if (inHighlights !== undefined && inHighlights > value) {
          sink.warn(
            placeOf([key, index, 'cifras', id]),
            `los destacados de «${entity.nombre}» suman ${inHighlights} de «${id}», más que su cifra, ${value}`,
            'Revise la cifra del estado u hospital y las de sus destacados.',
          );
        }
      }
    });
  }

  const national = jornada.cifras;
  const ids = new Set<string>();
  for (const entity of [...(jornada.estados ?? []), ...(jornada.hospitales ?? [])]) {
    for (const id of Object.keys(entity.cifras ?? {})) ids.add(id);
    for (const destacado of entity.destacados ?? []) for (const id of Object.keys(destacado.cifras ?? {})) ids.add(id);
  }
  for (const id of catalog.order(ids)) {
    const hospitalsSum = sumEntities(jornada.hospitales, id);
    const umae = jornada.cifrasUmae?.[id];
    if (umae !== undefined && hospitalsSum !== undefined && hospitalsSum > umae) {
      sink.warn(
        placeOf(['cifrasUmae', id]),
        `los hospitales suman ${hospitalsSum} de «${id}», más que la cifra de todas las UMAE, ${umae}`,
        'Revise las cifras de los hospitales y «cifrasUmae».',
      );
    }
    const total = national[id];
    if (total === undefined) continue;
    const statesSum = sumEntities(jornada.estados, id) ?? 0;
    const umaeSum = umae ?? hospitalsSum ?? 0;
    if (statesSum + umaeSum > total) {
      const who =
        statesSum > 0 && umaeSum > 0
          ? `los estados (${statesSum}) y las UMAE (${umaeSum}) suman`
          : statesSum > 0
            ? 'los estados suman'
            : 'las UMAE suman';
      sink.warn(
        placeOf(['cifras', id]),
        `${who} ${statesSum + umaeSum} de «${id}», más que la cifra nacional, ${total}`,
        'Revise la cifra nacional y las de estados y hospitales: la nacional las incluye.',
      );
    }
  }
  for (const [index, destacado] of (jornada.destacados ?? []).entries()) {
    for (const [id, value] of Object.entries(destacado.cifras ?? {})) {
      const total = national[id];
      if (total !== undefined && value > total) {
        sink.warn(
          placeOf(['destacados', index, 'cifras', id]),
          `el destacado da ${value} de «${id}», más que la cifra nacional, ${total}`,
          'Revise ambas cifras.',
        );
      }
    }
  }
}

function checkGoal(jornada: Jornada, catalog: Catalog, sink: ProblemSink, placeOf: PlaceOf): void {
  const meta = jornada.meta;
  if (meta === undefined) return;
  if (meta.planeadas !== undefined && meta.porcentaje !== undefined) {
    const computed = Math.round((meta.logradas / meta.planeadas) * 1000) / 10;
    if (Math.abs(computed - meta.porcentaje) > 0.05) {
      sink.warn(
        placeOf(['meta', 'porcentaje']),
        `el porcentaje publicado, ${meta.porcentaje}, no es el de ${meta.logradas} de ${meta.planeadas} (${computed}); el boletín imprime el publicado`,
        'Revise las tres cifras; si el publicado fue un error, quite «porcentaje» y el boletín lo calculará.',
      );
    }
  }
  if (meta.planeadas !== undefined && meta.logradas > meta.planeadas * 2) {
    sink.warn(
      placeOf(['meta', 'logradas']),
      `se lograron ${meta.logradas} acciones de ${meta.planeadas} planeadas, más del doble`,
      'Superar la meta es normal, pero tanto es raro: revise ambas cifras.',
    );
  }
  // Only the figures with no reported total above them, so no action is counted twice.
  const actions = Object.entries(jornada.cifras).filter(([id]) => {
    const indicator = catalog.get(id);
    return (
      indicator?.accion === true && !catalog.totalsAbove(id).some((total) => jornada.cifras[total.id] !== undefined)
    );
  });
  const sum = actions.reduce((total, [, value]) => total + value, 0);
  if (sum > meta.logradas) {
    sink.warn(
      placeOf(['meta', 'logradas']),
      `las cifras nacionales que cuentan como acciones suman ${sum}, más que las ${meta.logradas} acciones logradas`,
      'Revise «meta.logradas» y las cifras nacionales.',
    );
  }
}

function checkLists(jornada: Jornada, sink: ProblemSink, placeOf: PlaceOf): void {
  reportDuplicates(
    jornada.especialidades?.consultaExterna,
    ['especialidades', 'consultaExterna'],
    'aviso',
    sink,
    placeOf,
  );
  reportDuplicates(jornada.especialidades?.cirugia, ['especialidades', 'cirugia'], 'aviso', sink, placeOf);
  reportDuplicates(
    jornada.estados?.map((estado) => estado.nombre),
    ['estados'],
    'error',
    sink,
    placeOf,
    'nombre',
  );
  reportDuplicates(
    jornada.hospitales?.map((hospital) => hospital.nombre),
    ['hospitales'],
    'error',
    sink,
    placeOf,
    'nombre',
  );
  if (jornada.ordinal !== undefined && jornada.ordinal > 60) {
    sink.warn(
      placeOf(['ordinal']),
      `el ordinal ${jornada.ordinal} es muy alto para una serie de jornadas`,
      'Revise «ordinal».',
    );
  }
}

function reportDuplicates(
  items: readonly string[] | undefined,
  path: readonly PropertyKey[],
  severity: 'error' | 'aviso',
  sink: ProblemSink,
  placeOf: PlaceOf,
  field?: string,
): void {
  if (items === undefined) return;
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    // Compared as a reader sees them: compatibility forms folded (full-width letters), any run of spaces
    // (a no-break space too) as one, case ignored.
    const key = item.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('es');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const place = placeOf(field === undefined ? [...path, index] : [...path, index, field]);
    const message = `«${item}» está repetido (también en la posición ${first + 1})`;
    const fix = 'Quite la repetición o junte sus datos en una sola entrada.';
    if (severity === 'error') sink.error(place, message, fix);
    else sink.warn(place, message, fix);
  });
}
