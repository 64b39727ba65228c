import { manifestFileName } from '../../../src-shared/contract/batch-format';
import type { MethodOutput } from '../../../src-shared/contract/methods';
import { fill } from '../../../src-shared/i18n/format';
import type { Messages } from '../../../src-shared/i18n/fi';
import { printFailureText } from './print-failure-text';
import { fillWithUserText } from '../../user-text/fill-with-user-text';

type WrittenFolder = MethodOutput<'exports.run'>['written'][number];

const reportFiles = new Set(['report.html', 'report.pdf']);

/** One batch written to the stick: where it went, where the council report is, every file, and a PDF that could not be made. */
export function ExportResult({ written, texts }: { written: WrittenFolder; texts: Messages }) {
  const names = [...written.files.map((file) => file.name), manifestFileName];
  const report = names.filter((name) => reportFiles.has(name));
  return (
    <div className="usb-result" data-fact="export-result" data-batch={written.batch.number}>
      <p className="usb-done" data-fact="export-done">{fillWithUserText(texts['usb.done'], { number: written.batch.number, count: written.batch.count }, { folder: written.folder })}</p>
      {report.length === 0 ? null : <p data-fact="export-report">{fill(texts['usb.report'], { files: report.join(', ') })}</p>}
      <p className="usb-files" data-fact="export-files">
        {fill(texts['usb.files'], { files: names.join(', ') })}
      </p>
      {written.printFailure === null ? null : (
        <p className="field-problem" data-fact="export-print-failed">
          {printFailureText(written.printFailure, texts)}
        </p>
      )}
    </div>
  );
}
