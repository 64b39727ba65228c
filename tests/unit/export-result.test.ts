import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src-shared/contract/methods';
import { messages } from '../../src-shared/i18n/messages';
import { ExportResult } from '../../src-renderer/staff/usb/ExportResult';

type Written = MethodOutput<'exports.run'>['written'][number];

const file = (name: Written['files'][number]['name']) => ({ name, bytes: 10, sha256: '0'.repeat(64) });

function written(names: Written['files'][number]['name'][], printFailure: string | null): Written {
  return {
    batch: {
      number: 3,
      seqFrom: 11,
      seqTo: 20,
      count: 10,
      comments: 0,
      createdAt: '2026-11-29T09:15:02.000+02:00',
      hash: 'a'.repeat(64),
      previousHash: 'b'.repeat(64),
      folder: 'Kerro_Perheiden-piha_2026-11-29_batch3',
      csvDialect: 'finnish-excel',
      exportedAt: '2026-11-29T09:16:00.000+02:00',
      exportCount: 1,
      purgedAt: null,
    },
    folder: 'Kerro_Perheiden-piha_2026-11-29_batch3',
    files: names.map(file),
    printFailure,
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, '\n').split('\n').filter((line) => line.trim() !== '');

describe('the export screen’s result for one batch', () => {
  it('says where the council report is and lists every file, PDFs included', () => {
    const html = renderToStaticMarkup(
      createElement(ExportResult, { written: written(['responses.json', 'responses.csv', 'summary.html', 'report.html', 'summary.pdf', 'report.pdf'], null), texts: messages.fi }),
    );
    expect(text(html)).toEqual([
      'Erä 3 viety kansioon Kerro_Perheiden-piha_2026-11-29_batch3: 10 vastausta.',
      'Raadin raportti on kansiossa: report.html, report.pdf.',
      'Kansion tiedostot: responses.json, responses.csv, summary.html, report.html, summary.pdf, report.pdf, manifest.json',
    ]);
  });

  it('tells staff, in their language, that the PDFs could not be made and why, beside a batch that was exported', () => {
    const failed = written(['responses.json', 'responses.csv', 'summary.html', 'report.html'], 'the page did not print within 30 s');
    expect(text(renderToStaticMarkup(createElement(ExportResult, { written: failed, texts: messages.en })))).toContain(
      'PDF could not be made: the page did not print within 30 s. The batch was exported all the same; the report and the summary are in the folder as HTML pages.',
    );
    expect(renderToStaticMarkup(createElement(ExportResult, { written: failed, texts: messages.fi }))).toContain(
      'PDF-tiedostoja ei saatu tehtyä: the page did not print within 30 s.',
    );
  });
});
