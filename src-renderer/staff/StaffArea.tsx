import { lazy, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { pollTemplates, type PollTemplateId } from '../../src-shared/contract/poll-templates';
import type { Poll } from '../../src-shared/contract/polls';
import type { SettingsInput } from '../../src-shared/contract/settings';
import type { StaffDraft } from '../../src-shared/contract/staff-session';
import { messages } from '../../src-shared/i18n/messages';
import { staffLanguageOf, type LanguageCode } from '../../src-shared/i18n/languages';
import { client } from '../api/transport';
import { useIdleTimeout } from '../app/useIdleTimeout';
import { editorStateOf, newEditorState, type EditorState } from './editor-state';
import { PinScreen } from './PinScreen';
import { draftOfEditor, editorOfDraft } from './session/editor-draft';
import { draftOfOutcome, outcomeOfDraft, type OutcomeDraft } from './session/outcome-draft';
import { draftOfSettings, settingsOfDraft } from './session/settings-draft';
import { SavedNotice } from './session/SavedNotice';
import { SessionWarning } from './session/SessionWarning';
import { useStaffSession } from './session/useStaffSession';
import { PollEditor } from './PollEditor';
import { ResultsScreen } from './ResultsScreen';
import { SettingsScreen } from './SettingsScreen';
import type { StaffCall, StaffScreenProps } from './staff-call';
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
  | { name: 'editor'; pollId: string | null; initial: EditorState; answers: number; notice?: string }
  | { name: 'results'; pollId: string }
  | { name: 'settings'; draft?: SettingsInput; notice?: string }
  | { name: 'qr' }
  | { name: 'report' }
  | { name: 'outcomes'; draft?: OutcomeDraft; notice?: string }
  | { name: 'usb' };

/** The PIN pad goes back to the parents' start after this long untouched. */
const pinIdleSeconds = 120;

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
  const [idleSeconds, setIdleSeconds] = useState(pinIdleSeconds);
  const [view, setView] = useState<View>({ name: 'home' });
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The form being edited, as the main side should keep it should the session end; null on other screens. */
  const editing = useRef<StaffDraft | null>(null);

  const endedNotices = useMemo(
    () => ({ 'poll-editor': texts['session.endedWithDraft'], settings: texts['session.endedWithSettings'], outcome: texts['session.endedWithOutcome'] }) satisfies Record<StaffDraft['screen'], string>,
    [texts],
  );

  const lock = useCallback(() => {
    void client.call('staff.lock', {});
    client.setStaffToken(null);
    setToken(null);
    onExit();
  }, [onExit]);

  // The main side refused the session: the PIN pad says so. The form being edited is already kept there.
  const ended = useCallback(() => {
    client.setStaffToken(null);
    setToken(null);
    const kept = editing.current?.screen;
    setNotice(kept === undefined ? texts['staff.sessionEnded'] : endedNotices[kept]);
  }, [texts, endedNotices]);

  const session = useStaffSession({
    token,
    idleSeconds,
    draftOf: () => editing.current,
    // Left untouched, the kiosk goes back to the parents; a kept draft waits behind the PIN.
    onEnded: (reason) => (reason === 'idle' ? lock() : ended()),
  });

  useIdleTimeout(token === null, pinIdleSeconds, lock);

  const { renewed } = session;
  const call = useMemo<StaffCall>(
    () => async (method, input) => {
      const sentAt = Date.now();
      const result = await client.call(method, input);
      if (result.ok) renewed(sentAt);
      else if (result.error.code === 'unauthorized' && method !== 'staff.changePin') ended();
      return result;
    },
    [renewed, ended],
  );

  const unlocked = async (opened: { token: string; idleSeconds: number }) => {
    client.setStaffToken(opened.token);
    const kept = await client.call('staff.takeDraft', {});
    const draft = kept.ok ? kept.value.draft : null;
    const restored = draft === null ? null : editorOfDraft(draft);
    const settings = draft === null ? null : settingsOfDraft(draft);
    const outcome = draft === null ? null : outcomeOfDraft(draft);
    editing.current = restored === null && settings === null && outcome === null ? null : draft;
    if (restored !== null) {
      setView({ name: 'editor', pollId: restored.pollId, answers: restored.answers, initial: restored.state, notice: texts['session.draftRestored'] });
    } else if (settings !== null) {
      setView({ name: 'settings', draft: settings, notice: texts['session.settingsRestored'] });
    } else if (outcome !== null) {
      setView({ name: 'outcomes', draft: outcome, notice: texts['session.outcomeRestored'] });
    } else if (view.name === 'editor' || view.name === 'settings' || view.name === 'outcomes') {
      setView({ name: 'home' });
    }
    setIdleSeconds(opened.idleSeconds);
    setToken(opened.token);
    setNotice(null);
  };

  if (token === null) {
    return <PinScreen texts={texts} language={language} notice={notice} onBack={onExit} onUnlocked={(opened) => void unlocked(opened)} />;
  }
  const withSession = (screen: ReactNode) => (
    <>
      {screen}
      {session.secondsLeft === null ? null : <SessionWarning texts={texts} secondsLeft={session.secondsLeft} />}
      {saved === null ? null : <SavedNotice text={saved} onGone={() => setSaved(null)} />}
    </>
  );
  const leaveForm = (message: string | null) => {
    editing.current = null;
    session.keepAliveNow();
    setSaved(message);
    setView({ name: 'home' });
  };
  const home = () => setView({ name: 'home' });
  const screen: StaffScreenProps = { texts, language, call };
  const startPoll = (template: PollTemplateId | null) => {
    setSaved(null);
    setView({ name: 'editor', pollId: null, answers: 0, initial: newEditorState(new Date(), template === null ? undefined : pollTemplates[template]) });
  };
  const editPoll = (poll: Poll, answers: number) => setView({ name: 'editor', pollId: poll.id, answers, initial: editorStateOf(poll, new Date()) });

  switch (view.name) {
    case 'home':
      return withSession(
        <StaffHome
          {...screen}
          onNewPoll={startPoll}
          onEdit={editPoll}
          onResults={(poll) => setView({ name: 'results', pollId: poll.id })}
          onSettings={() => setView({ name: 'settings' })}
          onUsbExport={() => setView({ name: 'usb' })}
          onQrTransfer={() => setView({ name: 'qr' })}
          onReport={() => setView({ name: 'report' })}
          onOutcomes={() => setView({ name: 'outcomes' })}
          onLock={lock}
        />,
      );
    case 'editor':
      return withSession(
        <PollEditor
          {...screen}
          pollId={view.pollId}
          initial={view.initial}
          answers={view.answers}
          notice={view.notice}
          onChange={(state) => {
            editing.current = draftOfEditor({ pollId: view.pollId, answers: view.answers, state });
          }}
          onSaved={(isActive) => leaveForm(isActive ? texts['saved.active'] : texts['saved.draft'])}
          onCancel={() => leaveForm(null)}
        />,
      );
    case 'results':
      return withSession(<ResultsScreen {...screen} pollId={view.pollId} onBack={home} />);
    case 'settings':
      return withSession(
        <SettingsScreen
          {...screen}
          draft={view.draft}
          restoredNotice={view.notice}
          onChange={(changed) => {
            editing.current = changed === null ? null : draftOfSettings(changed);
          }}
          onSaved={onKioskChanged}
          onBack={() => leaveForm(null)}
        />,
      );
    case 'usb':
      return withSession(<UsbExportScreen {...screen} onKioskChanged={onKioskChanged} onBack={home} />);
    case 'qr':
      return withSession(
        <Suspense fallback={null}>
          <QrExportScreen language={language} call={call} onBack={home} />
        </Suspense>,
      );
    case 'report':
      return withSession(
        <Suspense fallback={null}>
          <ReportScreen language={language} call={call} onBack={home} />
        </Suspense>,
      );
    case 'outcomes':
      return withSession(
        <Suspense fallback={null}>
          <OutcomesScreen
            {...screen}
            draft={view.draft}
            restoredNotice={view.notice}
            onChange={(changed) => {
              editing.current = changed === null ? null : draftOfOutcome(changed);
            }}
            onEditorClosed={() => {
              editing.current = null;
              session.keepAliveNow();
            }}
            onBack={home}
          />
        </Suspense>,
      );
  }
}
