import { readFile } from 'node:fs/promises';
// The legacy build is the one pdf.js ships for Node: the modern build expects browser globals.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A4 in PDF points (1/72 inch); a printer's own rounding stays well inside the tolerance. */
const a4 = { width: 595.28, height: 841.89 };
const paperTolerance = 4;

export interface PdfReadBack {
  /** The text of every page, line by line as it lies on the page, pages separated by a blank line. */
  text: string;
  pages: number;
  /** The first page's paper: 'A4' when it is A4 upright, otherwise its size in points. */
  paper: string;
}

interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function isPlacedText(item: object): item is { str: string; transform: number[]; width: number; height: number } {
  return 'str' in item && typeof item.str === 'string' && 'transform' in item && Array.isArray(item.transform);
}

/** Items on one baseline become one line, left to right; a gap wider than a fifth of the text's height is a space. */
function linesOf(placed: PlacedText[]): string[] {
  const lines: PlacedText[][] = [];
  for (const item of [...placed].sort((first, second) => second.y - first.y || first.x - second.x)) {
    const line = lines.find((candidate) => Math.abs((candidate[0]?.y ?? Number.NaN) - item.y) < Math.max(1, item.height * 0.3));
    if (line === undefined) lines.push([item]);
    else line.push(item);
  }
  return lines.map((line) => {
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of line.sort((first, second) => first.x - second.x)) {
      const isApart = text !== '' && item.x - end > item.height * 0.2 && !text.endsWith(' ') && !item.text.startsWith(' ');
      text += (isApart ? ' ' : '') + item.text;
      end = Math.max(end, item.x + item.width);
    }
    return text.trimEnd();
  });
}

function paperOf(width: number, height: number): string {
  const isA4 = Math.abs(width - a4.width) <= paperTolerance && Math.abs(height - a4.height) <= paperTolerance;
  return isA4 ? 'A4' : `${width.toFixed(2)} x ${height.toFixed(2)} pts`;
}

/** Reads a PDF back with pdf.js (Mozilla's PDF reader, from npm): its text, pages and paper. */
export async function readPdf(source: string | Uint8Array): Promise<PdfReadBack> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  const loading = getDocument({ data: bytes, useSystemFonts: false });
  const document = await loading.promise;
  try {
    const pageTexts: string[] = [];
    let paper = '';
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      if (number === 1) paper = paperOf(right - left, top - bottom);
      const content = await page.getTextContent();
      const placed: PlacedText[] = [];
      for (const item of content.items) {
        if (!isPlacedText(item) || item.str === '') continue;
        placed.push({ text: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]), width: item.width, height: item.height });
      }
      pageTexts.push(linesOf(placed).join('\n'));
    }
    return { text: pageTexts.join('\n\n'), pages: document.numPages, paper };
  } finally {
    await loading.destroy();
  }
}

/** The text of a PDF with runs of white space made one space. */
export async function pdfText(path: string): Promise<string> {
  return (await readPdf(path)).text.replace(/\s+/g, ' ');
}
