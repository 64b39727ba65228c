import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { pollTemplates, type PollTemplateId } from '../../src-shared/contract/poll-templates';
import type { Poll } from '../../src-shared/contract/polls';
import { messages } from '../../src-shared/i18n/messages';
import { staffLanguageOf, type LanguageCode } from '../../src-shared/i18n/languages';
import { client } from '../api/transport';
import { useIdleTimeout } from '../app/useIdleTimeout';
import { editorStateOf, newEditorState, type EditorState } from './editor-state';
import { PinScreen } from './PinScreen';
import { PollEditor } from './PollEditor';
import { ResultsScreen } from './ResultsScreen';
import { SettingsScreen } from './SettingsScreen';
import type { StaffCall } from './staff-call';
import { StaffHome } from './StaffHome';
import { UsbExportScreen } from './usb/UsbExportScreen';
import './staff.css';

/** The QR transfer draws codes with its own libraries; loaded only when staff open it. */
const QrExportScreen = lazy(() => import('./qr/QrExportScreen').then((module) => ({ default: module.QrExportScreen })));
/** The council's screens: the report and "you said, we did", loaded when opened. */
const ReportScreen = lazy(() => import('./report/ReportScreen').then((module) => ({ default: module.ReportScreen })));
const OutcomesScreen = lazy(() => import('./outcomes/OutcomesScreen').then((module) => ({ default: module.OutcomesScreen })));

type View =
  | { name: 'home' }
  | { name: 'editor'; pollId: string | null; initial: EditorState; answers: number }
  | { name: 'results'; pollId: string }
  | { name: 'settings' }
  | { name: 'qr' }
  | { name: 'report' }
  | { name: 'outcomes' }
  | { name: 'usb' };

/** Staff leave the kiosk to its parents after this long untouched, locked. */
const staffIdleSeconds = 120;

interface StaffAreaProps {
  language: LanguageCode;
  /** Back to the parents' start screen; the session is already locked. */
  onExit: () => void;
  /** Settings changed what the parents' screens show. */
  onKioskChanged: () => void;
}

/** Everything behind the PIN, loaded only when the hidden gesture asks for it. */
export function StaffArea({ language, onExit, onKioskChanged }: StaffAreaProps) {
  const texts = messages[staffLanguageOf(language)];
  const [token, setToken] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'home' });
  const [notice, setNotice] = useState<string | null>(null);

  const lock = useCallback(() => {
    void client.call('staff.lock', {});
    client.setStaffToken(null);
    setToken(null);
    onExit();
  }, [onExit]);

  useIdleTimeout(true, staffIdleSeconds, lock);

  const call = useMemo<StaffCall>(
    () => async (method, input) => {
      const result = await client.call(method, input);
      if (!result.ok && result.error.code === 'unauthorized' && method !== 'staff.changePin') {
        client.setStaffToken(null);
        setToken(null);
        setNotice(texts['staff.sessionEnded']);
      }
      return result;
    },
    [texts],
  );

  if (token === null) {
    return (
      <PinScreen
        texts={texts}
        language={language}
        notice={notice}
        onBack={onExit}
        onUnlocked={(unlocked) => {
          client.setStaffToken(unlocked);
          setToken(unlocked);
          setNotice(null);
        }}
      />
    );
  }
  const home = () => setView({ name: 'home' });
  const startPoll = (template: PollTemplateId | null) =>
    setView({ name: 'editor', pollId: null, answers: 0, initial: newEditorState(new Date(), template === null ? undefined : pollTemplates[template]) });
  const editPoll = (poll: Poll, answers: number) => setView({ name: 'editor', pollId: poll.id, answers, initial: editorStateOf(poll, new Date()) });

  switch (view.name) {
    case 'home':
      return (
        <StaffHome
          texts={texts}
          language={language}
          call={call}
          onNewPoll={startPoll}
          onEdit={editPoll}
          onResults={(poll) => setView({ name: 'results', pollId: poll.id })}
          onSettings={() => setView({ name: 'settings' })}
          onUsbExport={() => setView({ name: 'usb' })}
          onQrTransfer={() => setView({ name: 'qr' })}
          onReport={() => setView({ name: 'report' })}
          onOutcomes={() => setView({ name: 'outcomes' })}
          onLock={lock}
        />
      );
    case 'editor':
      return (
        <PollEditor
          texts={texts}
          language={language}
          call={call}
          pollId={view.pollId}
          initial={view.initial}
          answers={view.answers}
          onSaved={home}
          onCancel={home}
        />
      );
    case 'results':
      return <ResultsScreen texts={texts} language={language} call={call} pollId={view.pollId} onBack={home} />;
    case 'settings':
      return <SettingsScreen texts={texts} language={language} call={call} onSaved={onKioskChanged} onBack={home} />;
    case 'usb':
      return <UsbExportScreen texts={texts} language={language} call={call} onKioskChanged={onKioskChanged} onBack={home} />;
    case 'qr':
      return (
        <Suspense fallback={null}>
          <QrExportScreen language={language} call={call} onBack={home} />
        </Suspense>
      );
    case 'report':
      return (
        <Suspense fallback={null}>
          <ReportScreen language={language} call={call} onBack={home} />
        </Suspense>
      );
    case 'outcomes':
      return (
        <Suspense fallback={null}>
          <OutcomesScreen texts={texts} language={language} call={call} onBack={home} />
        </Suspense>
      );
  }
}
