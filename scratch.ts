import { composeStateBulletin, statesWithData } from './src/compose/compose-state-bulletin.ts';
import { loadTemplateSet } from './src/compose/load-templates.ts';
import { loadCatalog } from './src/dataset/catalog.ts';
import { loadJornada } from './src/dataset/load-jornada.ts';
import { resolveIssueDate } from './src/generate/issue-date.ts';
import { phrasingFor } from './src/lang/index.ts';
import { verifyEdition } from './src/verify/verify-edition.ts';
import { renderMarkdown } from './src/render/markdown/render-markdown.ts';
const catalog = loadCatalog();
for (const file of process.argv.slice(2)) {
  const { jornada } = await loadJornada(file, { catalog });
  const phrasing = phrasingFor('es');
  for (const { index } of statesWithData(jornada)) {
    const doc = composeStateBulletin(jornada, index, { templates: loadTemplateSet('es'), catalog, phrasing, number: 93, issueDate: resolveIssueDate(jornada), draft: false });
    if (process.env.SHOW) console.log(renderMarkdown(doc).split('---')[2]);
    const r = verifyEdition(doc, { jornada, phrasing, number: 93, issueDate: resolveIssueDate(jornada) });
    console.log(doc.edition, r.veredicto, r.cifras, r.errores, r.filas.filter(f=>f.tipo==='cifra').slice(0,1).map(f=>f.campo));
  }
}
