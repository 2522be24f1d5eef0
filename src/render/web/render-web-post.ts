import { DateTime } from 'luxon';
import { Scalar, stringify } from 'yaml';
import type { BulletinDocument } from '../../model/bulletin-document.ts';
import { markdownBody } from '../markdown/render-markdown.ts';

/** The web site's fixed offset: its posts carry -06:00 whatever the season (seed 000). */
const SITE_ZONE = 'UTC-6';

/**
 * The web edition: a Jekyll post, Markdown with YAML front matter in seed 000's keys and order
 * (layout, title, date, tags, author, description, image, video, audio, alt, front, section,
 * redirect_from when given). Written by the `yaml` library, so a quote, colon or line break in a
 * title stays text; absent values are YAML nulls (seed 000's "nil" is Ruby's word for it).
 */
export function renderWebPost(doc: BulletinDocument): string {
  const post = doc.metadata.post;
  if (post === undefined) throw new Error('La edición web necesita los datos del post (metadata.post).');
  // The issue day at noon on the site's clock: the calendar day stays the bulletin's in every season.
  const date = DateTime.fromISO(doc.metadata.issuedAt.slice(0, 10), { zone: SITE_ZONE }).set({ hour: 12 });
  if (!date.isValid) throw new RangeError(`Fecha de emisión inválida: «${doc.metadata.issuedAt}».`);
  const frontMatter: Record<string, unknown> = {
    layout: plain('post'),
    title: doc.metadata.title,
    date: plain(date.toISO() ?? ''),
    tags: [...post.tags],
    author: post.author,
    description: doc.metadata.description ?? doc.metadata.subject,
    image: post.image,
    video: post.video,
    audio: null,
    alt: post.alt,
    front: post.front,
    section: doc.metadata.section ?? null,
    ...(post.redirectFrom === undefined ? {} : { redirect_from: plain(post.redirectFrom) }),
    ...(doc.draft ? { published: false } : {}),
  };
  const yaml = stringify(frontMatter, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
  });
  return `---\n${yaml}---\n\n${markdownBody(doc)}`;
}

/** Unquoted, as seed 000 writes dates and addresses; only where the value cannot be misread. */
function plain(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = /^[\w/.:+-]+$/.test(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return scalar;
}
