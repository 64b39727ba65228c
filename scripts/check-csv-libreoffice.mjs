// A manual check, not part of CI (LibreOffice is not installed there): does responses.csv open
// right in a spreadsheet? Makes a kiosk with tricky answers through the built `kerro` command
// (npm run build first), exports it, has LibreOffice (headless, Finnish locale) import the CSV
// and save it as .xlsx, then reads the cells of that file and compares them with what the kiosk
// stored: numbers and dates must be numbers, text must be the same text. Needs `soffice` (Debian: apt-get install libreoffice-calc-nogui).
//   node scripts/check-csv-libreoffice.mjs [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const projectRoot = join(import.meta.dirname, '..');
const cli = join(projectRoot, 'out', 'cli', 'main.mjs');
const root = await mkdtemp(join(tmpdir(), 'kerro-libreoffice-'));
const dataDir = join(root, 'data');
const stick = join(root, 'stick');
const converted = join(root, 'converted');

const comments = [
  'Äiti ja lapsi: tosi kiva paikka, kiitos! Åland öljyä',
  'Hän sanoi "ihan paras" ja lähti',
  'eka; toka; kolmas',
  'rivi yksi\nrivi kaksi\n\nrivi neljä',
  '=HYPERLINK("http://example.com","klikkaa")',
  '-5 astetta eteisessä',
  'emoji 👶🏽 ja ’kaarevat’ lainausmerkit',
  '1.2.2026 oli hyvä päivä',
];

function kerro(args, input = '') {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kerro ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Answers written in the journal's own format (as the bench does), one per comment and a few smileys. */
async function writeAnswers(kioskId) {
  const lines = [];
  const stored = [];
  let seq = 1;
  const at = (minutes) => `2026-11-29T${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:07.000+02:00`;
  for (const [index, comment] of comments.entries()) {
    stored.push({ id: randomUUID(), kioskId, seq, pollId: 'coffee-corner', pollVersion: 1, answer: { optionIds: [index % 2 === 0 ? 'like' : 'dislike'] }, language: 'fi', answeredAt: at(seq * 7), flags: [], topics: index % 3 === 0 ? ['coffee'] : [], comment });
    seq += 1;
  }
  for (const option of ['very-bad', 'good', 'very-good']) {
    stored.push({ id: randomUUID(), kioskId, seq, pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: [option] }, language: 'sv', answeredAt: at(seq * 7), flags: [], topics: [], comment: null });
    seq += 1;
  }
  for (const response of stored) lines.push(`${JSON.stringify({ v: 1, type: 'response', response })}\n`);
  await mkdir(join(dataDir, 'answers'), { recursive: true });
  await writeFile(join(dataDir, 'answers', '000001.jsonl'), lines.join(''));
  return stored;
}

const pack = {
  format: 'kerro-polls',
  schemaVersion: 1,
  exportedAt: '2026-11-29T08:00:00.000+02:00',
  source: { kioskId: 'K-0000-0000', site: 'check' },
  polls: [
    {
      id: 'coffee-corner',
      version: 1,
      kind: 'single',
      standing: false,
      state: 'active',
      question: { fi: 'Mitä pidät kahvinurkasta?' },
      options: [
        { id: 'like', label: { fi: 'Pidän' } },
        { id: 'dislike', label: { fi: 'En pidä' } },
      ],
      followUp: { comment: true, topics: [{ id: 'coffee', label: { fi: 'Kahvi' } }] },
      startsAt: null,
      endsAt: null,
      createdAt: '2026-11-29T06:00:00.000Z',
    },
  ],
};

try {
  execFileSync('soffice', ['--version'], { stdio: 'ignore' });
} catch {
  process.stderr.write('No soffice here: install LibreOffice (Debian: apt-get install libreoffice-calc-nogui).\n');
  process.exit(2);
}

await mkdir(stick, { recursive: true });
kerro(['setup', '--data', dataDir, '--site', 'Perheiden piha', '--languages', 'fi,sv'], '24681357\n');
await writeFile(join(root, 'kerro-polls.json'), JSON.stringify(pack));
kerro(['import-polls', '--data', dataDir, join(root, 'kerro-polls.json')]);
const kioskId = JSON.parse(await readFile(join(dataDir, 'kiosk.json'), 'utf8')).data.kioskId;
const stored = await writeAnswers(kioskId);
kerro(['export', '--data', dataDir, '--to', stick]);
const [folder] = await readdir(stick);
const csvPath = join(stick, folder, 'responses.csv');

// Import as Finnish Calc would take it: `;`, `"`, UTF-8, from line 1, Finnish locale (1035), special numbers detected.
execFileSync('soffice', ['--headless', '--infilter=CSV:59,34,76,1,,1035,false,true', '--convert-to', 'xlsx', '--outdir', converted, csvPath], { stdio: 'ignore' });
const cells = readSheet(await readFile(join(converted, 'responses.xlsx')));

const header = csvHeader(await readFile(csvPath, 'utf8'));
const cell = (row, name) => cells.get(`${columnLetter(header.indexOf(name))}${row + 1}`) ?? { type: 'empty', value: '' };
const problems = [];
const serialOf = (iso) => (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000;
const fractionOf = (iso) => (Number(iso.slice(11, 13)) * 3600 + Number(iso.slice(14, 16)) * 60 + Number(iso.slice(17, 19))) / 86_400;
for (const [index, response] of stored.entries()) {
  const row = index + 1;
  const comment = response.comment ?? '';
  const expectedComment = /^[=+\-@]/.test(comment) ? `'${comment}` : comment;
  const checks = [
    ['seq', cell(row, 'seq'), { type: 'number', value: response.seq }],
    ['response id', cell(row, 'response_id'), { type: 'text', value: response.id }],
    ['date', cell(row, 'date'), { type: 'number', value: serialOf(response.answeredAt) }],
    ['time', cell(row, 'time'), { type: 'number', value: fractionOf(response.answeredAt) }],
    ['comment', cell(row, 'comment'), comment === '' ? { type: 'empty', value: '' } : { type: 'text', value: expectedComment }],
    ['language', cell(row, 'language'), { type: 'text', value: response.language }],
  ];
  for (const [label, actual, expected] of checks) {
    const isSame = actual.type === expected.type && (expected.type === 'number' ? Math.abs(Number(actual.value) - expected.value) < 1e-6 : actual.value === expected.value);
    if (!isSame) problems.push(`row ${row}, ${label}: LibreOffice has ${actual.type} ${JSON.stringify(actual.value)}, expected ${expected.type} ${JSON.stringify(expected.value)}`);
  }
}

/** Cells of the first sheet of an .xlsx: numbers as numbers, text from the shared strings. */
function readSheet(bytes) {
  const files = unzipSync(bytes);
  const text = (name) => strFromU8(files[name] ?? new Uint8Array());
  const strings = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((match) =>
    [...match[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((part) => decodeXml(part[1])).join(''),
  );
  const found = new Map();
  for (const match of text('xl/worksheets/sheet1.xml').matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const [, reference, attributes, inner = ''] = match;
    const value = /<v>(.*?)<\/v>/s.exec(inner)?.[1];
    if (value === undefined) continue;
    const type = /t="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    found.set(reference, type === 's' ? { type: 'text', value: strings[Number(value)] ?? '' } : { type: 'number', value: Number(value) });
  }
  return found;
}

function decodeXml(value) {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity) => {
    const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity];
    if (named !== undefined) return named;
    return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

function csvHeader(csv) {
  return csv.replace(/^\uFEFF/, '').split('\r\n')[0].split(';');
}

function columnLetter(index) {
  return String.fromCharCode(65 + index);
}

process.stdout.write(`LibreOffice ${execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim()}\n`);
process.stdout.write(`Checked ${stored.length} rows (seq, id, date, time, comment, language) of ${folder}/responses.csv, imported with ';', UTF-8, Finnish locale.\n`);
for (const row of [2, 4, 5]) process.stdout.write(`  row ${row} comment as LibreOffice holds it: ${JSON.stringify(cell(row, 'comment').value)}\n`);
if (problems.length === 0) process.stdout.write('All values as stored: dates are dates, times are times, comments with quotes, semicolons, line breaks and Finnish letters intact, no formula ran.\n');
else process.stdout.write(`${problems.length} problem(s):\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
if (process.argv.includes('--keep')) process.stdout.write(`Files kept in ${root}\n`);
else await rm(root, { recursive: true, force: true });
process.exitCode = problems.length === 0 ? 0 : 1;
