import { languageDirections, type LanguageCode } from '../../../src-shared/i18n/languages';

/**
 * The summary and the council report are pages opened from a stick on any computer, or printed:
 * nothing in them may load or run anything, so they carry their styles inline and say so in a CSP.
 */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

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
