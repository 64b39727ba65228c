import { useEffect, useState } from 'react';
import type { CouncilReport } from '../../../src-shared/contract/report';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { reportText } from '../../../src-shared/i18n/report-messages';
import { ChoiceGroup } from '../ChoiceGroup';
import type { StaffCall } from '../staff-call';
import { CouncilReportView } from './CouncilReportView';
import { localToday, periodOf, reportRanges, type ReportRange } from './report-period';
import './report.css';
import { StaffHeader } from '../StaffHeader';

interface ReportScreenProps {
  language: LanguageCode;
  call: StaffCall;
  onBack: () => void;
}

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; report: CouncilReport };

/** The council report for a chosen period, printable from here on A4. */
export function ReportScreen({ language, call, onBack }: ReportScreenProps) {
  const [range, setRange] = useState<ReportRange>('fourWeeks');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    setLoaded({ state: 'loading' });
    void call('reports.council', periodOf(range, localToday(new Date()))).then((result) => {
      if (isCurrent) setLoaded(result.ok ? { state: 'ready', report: result.value.report } : { state: 'failed' });
    });
    return () => {
      isCurrent = false;
    };
  }, [call, range]);
  return (
    <main className="screen staff-screen report-screen" data-screen="staff-report">
      <StaffHeader title={reportText(language, 'report.open')} exit={{ label: reportText(language, 'report.back'), action: 'back', onPress: onBack }}>
        <button type="button" className="primary-button" data-action="print" disabled={loaded.state !== 'ready'} onClick={() => window.print()}>
          {reportText(language, 'report.print')}
        </button>
      </StaffHeader>
      <div className="report-scroll">
        <ChoiceGroup
          name="report-range"
          label={reportText(language, 'report.period')}
          value={range}
          choices={reportRanges.map((value) => ({ value, label: reportText(language, `report.range.${value}`) }))}
          onChange={setRange}
        />
        <div role="status" className="report-status">
          {loaded.state === 'loading' ? reportText(language, 'report.loading') : null}
          {loaded.state === 'failed' ? reportText(language, 'report.failed') : null}
        </div>
        {loaded.state === 'ready' ? <CouncilReportView report={loaded.report} /> : null}
      </div>
    </main>
  );
}
