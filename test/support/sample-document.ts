import type { BulletinDocument, DocumentLabels, Inline } from '../../src/model/bulletin-document.ts';

/**
 * Hand-built documents for the renderer tests, independent of compose: one with the figures of seed 002
 * (Cuarta Jornada Extraordinaria, 24 to 26 February 2023) in our own wording, and one whose text fields
 * carry everything a hostile dataset could bring.
 */

const text = (value: string): Inline => ({ kind: 'text', text: value });
const strong = (value: string): Inline => ({ kind: 'strong', children: [text(value)] });
const em = (value: string): Inline => ({ kind: 'em', children: [text(value)] });
const link = (href: string, value = href): Inline => ({ kind: 'link', href, children: [text(value)] });

export const spanishLabels: DocumentLabels = {
  institution: 'Instituto Mexicano del Seguro Social',
  documentKind: 'BOLETÍN DE PRENSA',
  page: 'Página',
  pageOf: 'de',
  draft: 'BORRADOR',
  logoAlt: 'Logotipo del Instituto',
};

export function sampleDocument(): BulletinDocument {
  return {
    lang: 'es-MX',
    edition: 'nacional',
    draft: false,
    labels: spanishLabels,
    metadata: {
      title:
        'Supera IMSS la meta con 197 mil 144 acciones en la Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud',
      subject: 'Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud, del 24 al 26 de febrero de 2023',
      author: 'Coordinación de Comunicación Social',
      keywords: ['IMSS', 'jornada', 'cirugías', 'trasplantes'],
      issuedAt: '2023-03-01T12:00:00-06:00',
      description:
        'El IMSS realizó 197 mil 144 acciones de las 163 mil 110 planeadas en la Cuarta Jornada Extraordinaria.',
      section: 'Nacional',
    },
    dateline: 'Ciudad de México, miércoles 1 de marzo de 2023',
    number: 'No. 093/2023',
    headline:
      'Supera IMSS la meta con 197 mil 144 acciones en la Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud',
    bullets: [
      [
        text('Se tenían planeadas 163 mil 110 acciones; se alcanzó el '),
        strong('120.9 por ciento'),
        text(' de la meta original.'),
      ],
      [text('Del 24 al 26 de febrero se realizaron 68 mil 721 detecciones, 3 mil 29 cirugías y 25 trasplantes.')],
      [text('Participó personal de base y de confianza en los 35 OOAD y las 25 UMAE del país.')],
    ],
    body: [
      {
        kind: 'paragraph',
        content: [
          text(
            'El Instituto Mexicano del Seguro Social (IMSS) llevó a cabo 197 mil 144 acciones de las 163 mil 110 que tenía planeadas en la ',
          ),
          em('Cuarta Jornada Extraordinaria de Continuidad de Servicios de Salud'),
          text(', celebrada del 24 al 26 de febrero, con lo que alcanzó el 120.9 por ciento de su meta.'),
        ],
      },
      {
        kind: 'paragraph',
        content: [
          text(
            'La Dirección de Prestaciones Médicas informó que participaron los 35 Órganos de Operación Administrativa Desconcentrada (OOAD) y las 25 Unidades Médicas de Alta Especialidad (UMAE), que dieron prioridad a las especialidades con mayor diferimiento en Consulta Externa y en cirugía, así como a las acciones preventivas y a la consulta de Medicina Familiar en el Primer Nivel de atención.',
          ),
        ],
      },
      { kind: 'heading', level: 2, content: [text('Consultas, detecciones y cirugías')] },
      {
        kind: 'paragraph',
        content: [
          text('Durante los tres días se otorgaron '),
          strong('91 mil 878 consultas de Medicina Familiar'),
          text(
            ' y 28 mil 800 de especialidad; además, se practicaron 68 mil 721 detecciones de enfermedades prioritarias y 3 mil 29 cirugías.',
          ),
        ],
      },
      { kind: 'heading', level: 3, content: [text('Trasplantes y donaciones')] },
      {
        kind: 'list',
        items: [
          [text('10 trasplantes renales y 12 de córnea;')],
          [text('dos de células hematopoyéticas y uno de hígado;')],
          [text('14 donaciones cadavéricas, una de ellas multiorgánica, y 13 donaciones de tejidos.')],
        ],
      },
      {
        kind: 'paragraph',
        content: [
          text(
            'Entre las acciones en los estados destacan 7 mil 245 detecciones en Nuevo León, 332 cirugías en la Ciudad de México y 3 mil 337 consultas de especialidad en Veracruz. En las UMAE se realizaron 770 intervenciones quirúrgicas, 100 de ellas en el Hospital de Traumatología y Ortopedia Magdalena de las Salinas.',
          ),
        ],
      },
      {
        kind: 'paragraph',
        content: [
          text(
            'Estas jornadas acercan los servicios a las personas que, por la pandemia de COVID-19, esperaron a ser atendidas en alguna unidad médica del Instituto, y fortalecen el acceso a la salud de manera ordenada y segura para los derechohabientes.',
          ),
        ],
      },
      {
        kind: 'paragraph',
        content: [
          text(
            'La próxima Jornada Extraordinaria de Continuidad de Servicios de Salud se realizará el 10, 11 y 12 de marzo.',
          ),
        ],
      },
      { kind: 'paragraph', content: [text('Fotos: '), link('https://bit.ly/3KIgH0Y')] },
      { kind: 'paragraph', content: [text('Video: '), link('https://bit.ly/3F9mUQ7')] },
    ],
  };
}

/** Everything a hostile dataset could carry, in every text field a dataset feeds. A draft: no number. */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  mustache: '{{constructor.constructor "return 1"}}',
  quotes: `"comillas" y 'apóstrofos'`,
  ampersand: 'Salud & Bienestar &amp; más',
  emoji: '😀',
  markdown: '# *no* _es_ [enlace](javascript:alert(1)) `código` <b>',
} as const;

export function hostileDocument(): BulletinDocument {
  const base = sampleDocument();
  const line = `${HOSTILE.script} ${HOSTILE.mustache} ${HOSTILE.quotes} ${HOSTILE.ampersand} ${HOSTILE.emoji}`;
  return {
    ...base,
    draft: true,
    number: '',
    metadata: {
      ...base.metadata,
      title: `Jornada ${HOSTILE.script} & ${HOSTILE.quotes}`,
      subject: `Asunto ${HOSTILE.ampersand} ${HOSTILE.mustache}`,
      author: `Autor <b>${HOSTILE.ampersand}</b>`,
      keywords: ['IMSS', HOSTILE.script, HOSTILE.ampersand],
      description: `Descripción ${HOSTILE.quotes} ${HOSTILE.mustache}`,
      section: `Sección ${HOSTILE.ampersand}`,
    },
    headline: `Jornada en Hospital ${HOSTILE.script} ${HOSTILE.emoji}`,
    bullets: [[text(line)], [strong(HOSTILE.markdown)]],
    body: [
      { kind: 'paragraph', content: [text(`Texto con ${line}`)] },
      { kind: 'heading', level: 2, content: [text(`Título ${HOSTILE.mustache}`)] },
      { kind: 'list', items: [[em(HOSTILE.quotes)], [text(HOSTILE.markdown)]] },
      { kind: 'paragraph', content: [link('https://example.org/?a=1&b=2', `Enlace ${HOSTILE.ampersand}`)] },
    ],
  };
}
