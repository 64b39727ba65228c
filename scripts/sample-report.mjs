// `npm run sample-report`: prints the council report of the tests' known data set to
// docs/council-report-sample.pdf (and .html) with Debian's Chromium, as the browser shell
// would print it. The TypeScript is bundled with Vite like the app, so it is the kiosk's code.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { requireChromium } from './programs.mjs';

const projectRoot = join(import.meta.dirname, '..');
const outDir = join(projectRoot, 'node_modules', '.cache', 'kerro-sample-report');
const language = process.argv[2] ?? 'fi';

await build({
  configFile: false,
  logLevel: 'warn',
  root: projectRoot,
  build: {
    ssr: join(projectRoot, 'scripts', 'sample-report.mts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'sample-report.mjs' } },
  },
});
const { sampleReportHtml } = await import(pathToFileURL(join(outDir, 'sample-report.mjs')).href);
const html = sampleReportHtml(language);

const browser = await chromium.launch({ executablePath: requireChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await mkdir(join(projectRoot, 'docs'), { recursive: true });
  await writeFile(join(projectRoot, 'docs', 'council-report-sample.pdf'), pdf);
  await writeFile(join(projectRoot, 'docs', 'council-report-sample.html'), html);
  process.stdout.write(`docs/council-report-sample.pdf: ${pdf.length} bytes\n`);
} finally {
  await browser.close();
}
