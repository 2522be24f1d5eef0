/**
 * Escaping for Markdown text: every character that could start emphasis, code, a link, an HTML tag,
 * an entity or a table cell is backslash-escaped (CommonMark allows that before any ASCII punctuation),
 * and braces become entities so a Jekyll site's Liquid never sees `{{` or `{%` in the text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~|!]/g, (character) => `\\${character}`)
    .replace(/[{}]/g, (brace) => (brace === '{' ? '&#123;' : '&#125;'));
}

/** A link destination: parentheses, spaces and braces percent-encoded so the URL stays one token. */
export function escapeMarkdownUrl(url: string): string {
  return url.replace(
    /[()\s{}<>\\]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
