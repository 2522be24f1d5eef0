import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeJornadaWorkbook } from '../../dataset/excel-writer.ts';
import { Action } from '../../people/index.ts';
import { DEFAULT_TEMPLATES_DIR, loadLayoutAssets } from '../../render/assets/layout-assets.ts';
import { FILE_POLICY } from '../security-headers.ts';
import { sendBytes } from '../send-bytes.ts';

/**
 * The page's own assets, all served from here (no CDN): its stylesheet, whose colours are the bulletin's
 * (the `:root` block of templates/layout/estilo.css goes first), the logo, and the blank Excel workbook.
 */
export async function assetRoutes(app: FastifyInstance, templatesDir: string = DEFAULT_TEMPLATES_DIR): Promise<void> {
  const layout = loadLayoutAssets(templatesDir);
  const css = new TextEncoder().encode(
    `${letterheadColours(layout.stylesheet)}\n${readFileSync(join(templatesDir, 'portal', 'portal.css'), 'utf8')}`,
  );
  const workbook = await writeJornadaWorkbook();
  const assets = [
    {
      url: '/recursos/portal.css',
      bytes: css,
      type: 'text/css; charset=utf-8',
      name: 'portal.css',
      inline: true,
      action: undefined,
    },
    {
      url: '/recursos/logo.svg',
      bytes: layout.logoSvg,
      type: 'image/svg+xml',
      name: 'logo.svg',
      inline: true,
      action: undefined,
    },
    {
      url: '/plantilla.xlsx',
      bytes: workbook,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: 'plantilla de jornada.xlsx',
      inline: false,
      action: Action.download,
    },
  ];
  for (const asset of assets) {
    const etag = `"${createHash('sha256').update(asset.bytes).digest('hex').slice(0, 32)}"`;
    app.get(asset.url, { config: asset.action === undefined ? {} : { action: asset.action } }, async (request, reply) =>
      sendBytes(request, reply, {
        bytes: asset.bytes,
        contentType: asset.type,
        etag,
        filename: asset.name,
        inline: asset.inline,
        policy: FILE_POLICY,
      }),
    );
  }
}

/** The `:root { --verde: ...; }` block of the bulletin's stylesheet. */
export function letterheadColours(stylesheet: string): string {
  const match = /:root\s*\{[^}]*\}/.exec(stylesheet);
  if (match === null)
    throw new Error('templates/layout/estilo.css no tiene el bloque :root con los colores del membrete.');
  return match[0];
}
