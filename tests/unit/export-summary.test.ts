import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFormatter } from '../../src-shared/export/csv';
import { commentsShownPerPoll } from '../../src-main/core/documents/summary-tally';
import { openExportKit } from '../../scripts/fixtures/export-kit';
import { makeTempDir } from '../support/temp-dir';

async function summaryOf(language: 'fi' | 'sv', comments: string[]): Promise<string> {
  const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'), { settings: { defaultLanguage: language } });
  for (const option of ['good', 'good', 'very-bad']) await kit.answer('council-feedback', [option]);
  for (const comment of comments) await kit.answer('coffee-corner', ['like'], { topics: ['seats'], comment });
  const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' });
  const html = await readFile(join(kit.stick, run.written[0]?.folder ?? '', 'summary.html'), 'utf8');
  await kit.close();
  return html;
}

describe('summary.html', () => {
  it('is one self-contained page in the kiosk’s language, with a chart per poll and every comment escaped', async () => {
    const html = await summaryOf('fi', ['<script>alert("hei")</script> & "lainaus"', 'soita 040 123 4567']);
    expect(html).toMatch(/^<!doctype html>\n<html lang="fi" dir="ltr">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // Nothing to load: no scripts, no links, no pictures or fonts from elsewhere.
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;hei&#34;)&#60;/script&#62; &#38; &#34;lainaus&#34;');
    expect(html).toContain('soita [phone]');
    expect(html).toContain('<h2><bdi>Miten viihdyit täällä tänään?</bdi></h2>');
    expect(html).toContain('<p>3 vastausta</p>');
    expect(html).toContain('<h2><bdi>Mitä pidät kahvinurkasta?</bdi></h2>');
    expect(html).toContain('<h3>Kommentit</h3>');
    expect(html).toContain('<h3>Mistä oli kyse</h3>');
    expect(html.match(/<svg class="chart" role="img"/g)).toHaveLength(3);
    // Hyvin: 2 of 3; Tosi huonosti: 1 of 3; the rest 0.
    expect(html).toContain('<text class="user" x="0" y="133">Hyvin</text>');
    expect(html).toContain('>2 (67 %)</text>');
    expect(html).toContain('>1 (33 %)</text>');
    expect(html).toContain('@media print');
    expect(html).toMatch(/Tarkiste \(SHA-256\): <code>[0-9a-f]{64}<\/code>/);
    expect(html).toContain('Edellisen erän tarkiste: <code>ensimmäinen erä</code>');
    expect(html).toContain('Puhelinnumerot, sähköpostiosoitteet, henkilötunnukset ja tilinumerot on peitetty (1 vastauksessa).');
  });

  it('follows the kiosk’s main language, Swedish here', async () => {
    const html = await summaryOf('sv', ['bra']);
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv"/);
    expect(html).toContain('<h2><bdi>Hur trivdes du här i dag?</bdi></h2>');
    expect(html).toContain('<h3>Kommentarer</h3>');
    expect(html).toContain('<p>1 svar</p>');
  });

  it("isolates each parent's words, so right-to-left text cannot reorder the date beside it", async () => {
    const html = await summaryOf('fi', ['مرحبا 040 kiitos']);
    expect(html).toMatch(/<li><time>[^<]+<\/time><bdi>مرحبا 040 kiitos<\/bdi><\/li>/u);
  });

  it('prints a bounded number of comments and says where the rest are', async () => {
    const count = commentsShownPerPoll + 7;
    const html = await summaryOf('fi', Array.from({ length: count }, (_, index) => `kommentti ${index}`));
    expect(html.match(/<li><time>/g)).toHaveLength(commentsShownPerPoll);
    expect(html).toContain('… ja 7 muuta. Kaikki ovat tiedostossa responses.csv.');
  });
});

describe('CSV numbers', () => {
  it('use the dialect’s decimal separator and leave whole numbers alone', () => {
    const polls = new Map();
    expect(new CsvFormatter('finnish-excel', 'fi', polls).number(3.75)).toBe('3,75');
    expect(new CsvFormatter('comma', 'fi', polls).number(3.75)).toBe('3.75');
    expect(new CsvFormatter('finnish-excel', 'fi', polls).number(100000)).toBe('100000');
  });
});
