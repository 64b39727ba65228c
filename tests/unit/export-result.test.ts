import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src-shared/contract/methods';
import { messages } from '../../src-shared/i18n/messages';
import { ExportResult } from '../../src-renderer/staff/usb/ExportResult';

type Written = MethodOutput<'exports.run'>['written'][number];

const file = (name: Written['files'][number]['name']) => ({ name, bytes: 10, sha256: '0'.repeat(64) });

function written(names: Written['files'][number]['name'][], printFailure: Written['printFailure']): Written {
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

// A <bdi> isolates a name inside its sentence; the sentence still reads as one line.
const text = (html: string) => html.replace(/<\/?bdi[^>]*>/g, '').replace(/<[^>]+>/g, '\n').split('\n').filter((line) => line.trim() !== '');

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
    expect(html).toMatch(/<bdi[^>]*>Kerro_Perheiden-piha_2026-11-29_batch3<\/bdi>/);
  });

  const withoutPdfs = (printFailure: Written['printFailure']) => written(['responses.json', 'responses.csv', 'summary.html', 'report.html'], printFailure);
  const shown = (printFailure: Written['printFailure'], language: 'fi' | 'sv' | 'en') =>
    text(renderToStaticMarkup(createElement(ExportResult, { written: withoutPdfs(printFailure), texts: messages[language] })));

  it('tells staff, in their language, that the PDFs could not be made, why, and where the pages are, beside a batch that was exported', () => {
    const timeout: Written['printFailure'] = { reason: 'timeout', seconds: 30, detail: 'the page did not print within 30 s' };
    expect(shown(timeout, 'fi')).toContain(
      'PDF-tiedostoja ei saatu tehtyä: tulostus ei valmistunut 30 sekunnissa. Erä on silti viety ja tarkistettu: vastaustiedostot ovat tikulla. Raportin ja yhteenvedon voi tulostaa PDF:ksi millä tahansa tietokoneella avaamalla kansion report.html- ja summary.html-sivut selaimessa.',
    );
    expect(shown(timeout, 'sv')).toContain(
      'PDF-filerna kunde inte skapas: utskriften blev inte klar på 30 sekunder. Partiet är ändå exporterat och kontrollerat: datafilerna finns på USB-minnet. Rapporten och sammanfattningen kan skrivas ut som PDF på vilken dator som helst genom att öppna sidorna report.html och summary.html i mappen i en webbläsare.',
    );
    expect(shown(timeout, 'en')).toContain(
      'The PDFs could not be made: printing did not finish within 30 seconds. The batch was exported and checked all the same: the data files are on the stick. The report and the summary can be printed as PDF on any computer by opening the pages report.html and summary.html in the folder in a web browser.',
    );
  });

  it('words each kind in Finnish and Swedish, showing the raw detail only when nothing else says what happened', () => {
    const cases: { failure: NonNullable<Written['printFailure']>; fi: string; sv: string }[] = [
      {
        failure: { reason: 'tooLarge', kilobytes: 2113, detail: 'the page is too large to print (2113 KB)' },
        fi: 'PDF-tiedostoja ei saatu tehtyä: sivu on liian suuri tulostettavaksi (2113 kt).',
        sv: 'PDF-filerna kunde inte skapas: sidan är för stor för att skrivas ut (2113 kB).',
      },
      {
        failure: { reason: 'stopped', detail: 'the print page stopped (oom)' },
        fi: 'PDF-tiedostoja ei saatu tehtyä: tulostus keskeytyi.',
        sv: 'PDF-filerna kunde inte skapas: utskriften avbröts.',
      },
      {
        failure: { reason: 'notPdf', detail: 'the printer gave something that is not a PDF' },
        fi: 'PDF-tiedostoja ei saatu tehtyä: tulostuksesta ei syntynyt PDF-tiedostoa.',
        sv: 'PDF-filerna kunde inte skapas: utskriften gav ingen PDF-fil.',
      },
      {
        failure: { reason: 'other', detail: 'printToPDF failed' },
        fi: 'PDF-tiedostoja ei saatu tehtyä odottamattoman virheen vuoksi (printToPDF failed).',
        sv: 'PDF-filerna kunde inte skapas på grund av ett oväntat fel (printToPDF failed).',
      },
    ];
    for (const { failure, fi, sv } of cases) {
      const [finnish = '', swedish = ''] = [shown(failure, 'fi').at(-1), shown(failure, 'sv').at(-1)];
      expect(finnish.startsWith(`${fi} Erä on silti viety`), failure.reason).toBe(true);
      expect(swedish.startsWith(`${sv} Partiet är ändå exporterat`), failure.reason).toBe(true);
      if (failure.reason !== 'other') expect(`${finnish} ${swedish}`, failure.reason).not.toContain(failure.detail);
      expect(`${finnish} ${swedish}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('says nothing of PDFs when none failed', () => {
    expect(shown(null, 'fi').join(' ')).not.toContain('PDF');
  });
});
