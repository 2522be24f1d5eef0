import { describe, expect, test } from 'vitest';
import { PhrasingError } from '../../../src/errors.ts';
import { phrasingFor } from '../../../src/lang/index.ts';

const es = phrasingFor('es');
const en = phrasingFor('en');

describe('Spanish lists', () => {
  test.each([
    [[], {}, ''],
    [['Cardiología'], {}, 'Cardiología'],
    [['Cardiología', 'Urología'], {}, 'Cardiología y Urología'],
    [['A', 'B', 'C'], {}, 'A, B y C'],
    // "e" before the sound /i/
    [['Cardiología', 'Infectología'], {}, 'Cardiología e Infectología'],
    [['Diabetes Mellitus', 'Hipertensión Arterial'], {}, 'Diabetes Mellitus e Hipertensión Arterial'],
    [['córnea', 'médula ósea', 'hígado'], {}, 'córnea, médula ósea e hígado'],
    [['agua', 'Ínsula'], {}, 'agua e Ínsula'],
    [['agua', '«Iniciativa»'], {}, 'agua e «Iniciativa»'],
    // not before hie-/hia- nor y-
    [['agua', 'hielo'], {}, 'agua y hielo'],
    [['cobre', 'hierro'], {}, 'cobre y hierro'],
    [['Veracruz', 'Yucatán'], {}, 'Veracruz y Yucatán'],
    // "u" before the sound /o/
    [['siete', 'ocho'], { conjunction: 'or' }, 'siete u ocho'],
    [['mujeres', 'hombres'], { conjunction: 'or' }, 'mujeres u hombres'],
    [['7', '8'], { conjunction: 'or' }, '7 u 8'],
    [['10', '11'], { conjunction: 'or' }, '10 u 11'],
    [['70 mil', '80 mil'], { conjunction: 'or' }, '70 mil u 80 mil'],
    [['100', '800'], { conjunction: 'or' }, '100 u 800'],
    [['100', '110'], { conjunction: 'or' }, '100 o 110'],
    [['Puebla', 'Tlaxcala'], { conjunction: 'or' }, 'Puebla o Tlaxcala'],
    [['Cardiología', 'Oncología'], {}, 'Cardiología y Oncología'],
    // "así como"
    [['A', 'B', 'C'], { closeWithAsWellAs: true }, 'A, B, así como C'],
    // open lists name some among many: commas only, "entre otras/otros" agreeing with the noun
    [
      ['68 mil 721 detecciones', '3 mil 29 cirugías', '25 trasplantes'],
      { open: 'f' },
      '68 mil 721 detecciones, 3 mil 29 cirugías, 25 trasplantes, entre otras',
    ],
    [['25 trasplantes'], { open: 'm' }, '25 trasplantes, entre otros'],
    [['958 Cirugías', 'los trasplantes'], { closeWithAsWellAs: true }, '958 Cirugías, así como los trasplantes'],
    // a comma when the item before the conjunction holds one itself
    [
      ['Oftalmología', 'Traumatología y Ortopedia', 'Urología'],
      {},
      'Oftalmología, Traumatología y Ortopedia, y Urología',
    ],
    [['Neurocirugía', 'Traumatología y Ortopedia'], {}, 'Neurocirugía y Traumatología y Ortopedia'],
  ] as const)('%j %j -> «%s»', (items, options, text) => {
    expect(es.list(items, options)).toBe(text);
  });

  test('an empty item is an error', () => {
    expect(() => es.list(['A', ' '])).toThrow(PhrasingError);
    expect(() => es.list(['A', ' '])).toThrow('El elemento 2 de la lista está vacío.');
  });
});

describe('English lists', () => {
  const serial = phrasingFor('en', 'imss', { serialComma: true });
  test.each([
    [[], {}, ''],
    [['kidney'], {}, 'kidney'],
    [['kidney', 'cornea'], {}, 'kidney and cornea'],
    [['kidney', 'cornea', 'liver'], {}, 'kidney, cornea and liver'],
    [['kidney', 'cornea', 'liver'], { serialComma: true }, 'kidney, cornea, and liver'],
    [['kidney', 'cornea', 'liver'], { conjunction: 'or' }, 'kidney, cornea or liver'],
    [['A', 'B'], { closeWithAsWellAs: true }, 'A, as well as B'],
    [
      ['oncology', 'traumatology and orthopedics', 'urology'],
      {},
      'oncology, traumatology and orthopedics, and urology',
    ],
  ] as const)('%j %j -> «%s»', (items, options, text) => {
    expect(en.list(items, options)).toBe(text);
  });

  test('the serial comma as the edition default, overridable per list', () => {
    expect(serial.list(['kidney', 'cornea', 'liver'])).toBe('kidney, cornea, and liver');
    expect(serial.list(['kidney', 'cornea'])).toBe('kidney and cornea');
    expect(serial.list(['kidney', 'cornea', 'liver'], { serialComma: false })).toBe('kidney, cornea and liver');
  });
});
