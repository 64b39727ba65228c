import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { childTemplates } from '../../src-shared/contract/child-templates';
import { childPictures } from '../../src-shared/contract/child-pictures';
import { exportManifestSchema } from '../../src-shared/contract/batch-format';
import { drawingLimits, drawingSvg } from '../../src-shared/contract/drawing';
import type { Poll } from '../../src-shared/contract/polls';
import { csvColumns } from '../../src-shared/export/csv';
import { decodeCompactBatch, encodeCompactBatch } from '../../src-shared/qr/compact-batch';
import { verifyExportFolders } from '../../src-main/core/stick/verify';
import { toLocalIsoString } from '../../src-main/core/time';
import { openExportKit } from '../../scripts/fixtures/export-kit';
import { drawingPoll, sampleDrawing as drawing } from '../support/drawing-poll';
import { call, valueOf } from '../../scripts/fixtures/kiosk';
import { openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

async function savedPoll(kiosk: Awaited<ReturnType<typeof openSetUpKiosk>>, token: string, draft: unknown): Promise<Poll> {
  const { poll } = valueOf(await call(kiosk, 'polls.save', { pollId: null, draft }, token)) as { poll: Poll };
  valueOf(await call(kiosk, 'polls.setState', { pollId: poll.id, state: 'active' }, token));
  return poll;
}

describe("children's pictures and drawings", () => {
  it('pick-pictures polls take gallery pictures only; drawings are checked whole and a bad one changes nothing', async () => {
    const kiosk = await openSetUpKiosk(await makeTempDir());
    const token = await unlock(kiosk);
    const best = await savedPoll(kiosk, token, childTemplates['child-best']);
    expect(best.options.map((option) => option.id)).toEqual(['pic-sandbox', 'pic-swing', 'pic-drawing', 'pic-books', 'pic-music', 'pic-snacks', 'pic-blocks', 'pic-friends']);
    // Names come from the gallery, in every kiosk language, whatever the request said.
    expect(best.options[0]?.label).toEqual(childPictures[0].label);
    const forged = { ...childTemplates['child-best'], options: [{ id: 'pic-sandbox', label: { fi: 'Hiekka' } }, { id: 'pic-unicorn', label: { fi: 'Yksisarvinen' } }] };
    expect(await call(kiosk, 'polls.save', { pollId: null, draft: forged }, token)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'draft.options.1.id', message: 'problem.unknownPicture' }] },
    });
    const wish = await savedPoll(kiosk, token, childTemplates['child-wish']);
    expect(wish.options).toEqual([]);

    const submit = (pollId: string, answer: unknown) => call(kiosk, 'responses.submit', { pollId, pollVersion: 1, answer, language: 'fi' });
    valueOf(await submit(best.id, { optionIds: ['pic-swing', 'pic-books'] }));
    valueOf(await submit(wish.id, { drawing }));
    const tooLong = { strokes: [{ color: 'blue', points: Array.from({ length: drawingLimits.pointsPerStroke * 2 + 2 }, () => 5) }] };
    const tooMany = { strokes: Array.from({ length: 6 }, () => ({ color: 'blue', points: Array.from({ length: 1000 * 2 }, () => 5) })) };
    const refused = [
      [best.id, { optionIds: ['pic-unicorn'] }],
      [best.id, { drawing }],
      [wish.id, { optionIds: ['pic-swing'] }],
      [wish.id, { text: 'hei' }],
      [wish.id, { drawing: { strokes: [] } }],
      [wish.id, { drawing: { strokes: [{ color: 'pink', points: [1, 2] }] } }],
      [wish.id, { drawing: { strokes: [{ color: 'red', points: [1, 2, 3] }] } }],
      [wish.id, { drawing: { strokes: [{ color: 'red', points: [1, 2000] }] } }],
      [wish.id, { drawing: { strokes: [{ color: 'red', points: [1.5, 2] }] } }],
      [wish.id, { drawing: { strokes: [{ color: 'red', points: [1, 2], label: 'text' }] } }],
      [wish.id, { drawing: tooLong }],
      [wish.id, { drawing: tooMany }],
    ] as const;
    for (const [pollId, answer] of refused) {
      expect(await submit(pollId, answer), JSON.stringify(answer).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(kiosk.health().answersStored).toBe(2);
    await kiosk.close();
  });

  it('a drawing leaves in the export folder as an SVG named in the CSV, hashed in the manifest and checked by verify', async () => {
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
    await kit.polls.addVersions([drawingPoll(new Date())]);
    await kit.answer('council-feedback', ['good']);
    const child = await kit.responses.submit({
      kioskId: kit.settings.kioskId,
      pollId: 'child-wish',
      pollVersion: 1,
      answer: { drawing },
      language: 'fi',
      answeredAt: toLocalIsoString(new Date(2026, 10, 29, 10, 0, 0)),
      flags: [],
      audience: 'child',
    });
    const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' }, 'comma');
    const folder = join(kit.stick, run.written[0]?.folder ?? '');
    const svg = await readFile(join(folder, `drawing-${child.seq}.svg`), 'utf8');
    expect(svg).toBe(drawingSvg(drawing));
    const manifest = exportManifestSchema.parse(JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')));
    const listed = manifest.files.find((file) => file.name === `drawing-${child.seq}.svg`);
    expect(listed?.bytes).toBe(Buffer.byteLength(svg));
    const csv = await readFile(join(folder, 'responses.csv'), 'utf8');
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
    const at = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name);
    expect(rows.slice(1).map((row) => [row[at('poll_kind')], row[at('audience')], row[at('drawing')], row[at('text')]])).toEqual([
      ['smiley', 'adult', '', ''],
      ['child-drawing', 'child', `drawing-${child.seq}.svg`, ''],
    ]);
    expect((await verifyExportFolders([folder])).isOk).toBe(true);
    // One child is a small group: the summary and the report say children answered, and show nothing of it.
    const summary = await readFile(join(folder, 'summary.html'), 'utf8');
    expect(summary).toContain('Lapsilta tuli alle 5 vastausta');
    expect(summary).not.toContain('data:image/svg+xml');
    const report = await readFile(join(folder, 'report.html'), 'utf8');
    expect(report).toContain('Lapsilta: <strong>&#60; 5</strong>');
    expect(report).not.toContain('Lasten piirrokset');

    // The QR transfer carries the drawing too, byte for byte.
    const canonical = await readFile(join(folder, 'responses.json'), 'utf8');
    expect(decodeCompactBatch(encodeCompactBatch(canonical, manifest.batchHash)).canonical).toBe(canonical);

    // A drawing file that does not show its answer is found, even with its manifest entry made to match.
    const altered = svg.replace('#1e6fd9', '#000000');
    await writeFile(join(folder, `drawing-${child.seq}.svg`), altered);
    const rehashed = { ...manifest, files: manifest.files.map((file) => (file.name === listed?.name ? { ...file, sha256: sha256(altered), bytes: Buffer.byteLength(altered) } : file)) };
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(rehashed));
    const verified = await verifyExportFolders([folder]);
    expect(verified.isOk).toBe(false);
    expect(verified.folders[0]?.problems).toEqual([`drawing-${child.seq}.svg does not show the drawing the batch holds`]);
    await kit.close();
  });

  it("the summary and the council report show children's answers apart, with their drawings as thumbnails", async () => {
    const kit = await openExportKit(await makeTempDir(), join(await makeTempDir(), 'STICK'));
    await kit.polls.addVersions([drawingPoll(new Date())]);
    for (const option of ['good', 'okay', 'good']) await kit.answer('council-feedback', [option]);
    for (let index = 0; index < 5; index += 1) {
      await kit.responses.submit({
        kioskId: kit.settings.kioskId,
        pollId: 'child-wish',
        pollVersion: 1,
        answer: { drawing: { strokes: [{ color: 'green', points: [100 + index * 100, 100, 200, 600] }] } },
        language: 'fi',
        answeredAt: toLocalIsoString(new Date(2026, 10, 29, 11, index, 0)),
        flags: [],
        audience: 'child',
      });
    }
    const run = await kit.service.exportTo({ path: kit.stick, name: 'STICK' }, 'comma');
    const folder = join(kit.stick, run.written[0]?.folder ?? '');
    const summary = await readFile(join(folder, 'summary.html'), 'utf8');
    expect(summary).toContain('<h2 class="audience" data-testid="children">Lasten vastaukset</h2>');
    expect(summary).toContain('5 vastausta lapsilta');
    expect(summary.match(/<img src="data:image\/svg\+xml/g)).toHaveLength(5);
    expect(summary).toContain('<figcaption>drawing-4.svg</figcaption>');
    // The children's part comes after every adults' poll.
    expect(summary.indexOf('Lasten vastaukset')).toBeGreaterThan(summary.indexOf('<section class="poll">'));
    const report = await readFile(join(folder, 'report.html'), 'utf8');
    expect(report).toContain('Aikuisilta: <strong>&#60; 5</strong> · Lapsilta: <strong>≥ 5</strong>');
    expect(report).toContain('<h2>Lasten kyselyt</h2>');
    expect(report).toContain('<h2>Lasten piirrokset</h2>');
    expect(report.match(/<img src="data:image\/svg\+xml/g)).toHaveLength(5);
    await kit.close();
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
