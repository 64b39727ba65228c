import { languageDirections, type LanguageCode } from '../../../src-shared/i18n/languages';
import { withoutBidiControls } from '../../../src-shared/text/free-text';

/**
 * The summary and the council report are pages opened from a stick on any computer, or printed:
 * nothing in them may load or run anything, so they carry their styles inline and say so in a CSP.
 */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A person's words (a comment, a poll text, a site name) in a page: escaped and isolated, so
 * their direction is read from their own first letter and they cannot reorder what stands
 * around them. Bidi controls are dropped here too, for texts stored before they were refused.
 */
export function userTextHtml(value: string): string {
  return `<bdi>${escapeHtml(withoutBidiControls(value))}</bdi>`;
}

/** The same in a chart: SVG has no `<bdi>`, but a `<text class="user">` is a paragraph of its own, made auto-directed by `userTextStyles`. */
export function userSvgText(x: number, y: number, value: string): string {
  return `<text class="user" x="${x}" y="${y}">${escapeHtml(withoutBidiControls(value))}</text>`;
}

export const userTextStyles = 'svg text.user { unicode-bidi: plaintext; }';

/** The lines up to and including `<body>`; `title` is HTML, escaped by the caller. */
export function standalonePageOpening(language: LanguageCode, title: string, styles: string): string[] {
  return [
    '<!doctype html>',
    `<html lang="${language}" dir="${languageDirections[language]}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
  ];
}
