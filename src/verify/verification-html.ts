import { escapeHtml } from '../render/text/escape-html.ts';
import type { VerificationReport } from './verification-report.ts';

/** The report as a page a person reads: the verdict, then one row per number printed. */
export function verificationHtml(report: VerificationReport, title: string): string {
  const ok = report.veredicto === 'aprobada';
  const rows = report.filas
    .map(
      (row) =>
        `<tr class="${row.correcta ? 'ok' : 'mal'}"><td>${escapeHtml(row.lugar)}</td><td>${escapeHtml(row.texto)}</td>` +
        `<td>${escapeHtml(row.tipo)}</td><td>${escapeHtml(String(row.leido ?? '—'))}</td><td><code>${escapeHtml(row.campo ?? '—')}</code></td>` +
        `<td>${escapeHtml(String(row.dato ?? '—'))}</td><td>${row.correcta ? '✔' : `✘ ${escapeHtml(row.motivo ?? '')}`}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<title>Verificación de cifras: ${escapeHtml(title)}</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.3em; } .veredicto { font-size: 1.1em; font-weight: bold; color: ${ok ? '#13322b' : '#9f2241'}; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; } th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #13322b; color: #fff; } tr.mal td { background: #fbe9ec; }
</style>
</head>
<body>
<h1>Verificación de cifras: ${escapeHtml(title)}</h1>
<p class="veredicto">Edición «${escapeHtml(report.edicion)}» (${escapeHtml(report.idioma)}): ${ok ? 'APROBADA' : 'RECHAZADA'}; ${String(report.cifras)} cifras comprobadas contra los datos, ${String(report.filas.length)} números leídos.</p>
<table>
<thead><tr><th>Lugar</th><th>Texto impreso</th><th>Tipo</th><th>Leído</th><th>Campo de los datos</th><th>Valor en los datos</th><th>Resultado</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
