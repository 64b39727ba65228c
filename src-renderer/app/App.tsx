import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { KioskInfo } from '../../src-shared/contract/kiosk';
import type { Poll, PollOption } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import { languageDirections, type LanguageCode } from '../../src-shared/i18n/languages';
import { parentMessages } from '../../src-shared/i18n/parents/parent-messages';
import { client } from '../api/transport';
import { defaultDisplay, isDefaultDisplay, type DisplaySettings } from '../components/display-settings';
import { FollowUpScreen } from '../screens/FollowUpScreen';
import { SaveFailedScreen } from '../screens/SaveFailedScreen';
import { StartScreen } from '../screens/StartScreen';
import { ThanksScreen } from '../screens/ThanksScreen';
import { WaitingScreen } from '../screens/WaitingScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyScreens } from './lazy-screens';
import { useCoolDown } from './useCoolDown';
import { useIdleTimeout } from './useIdleTimeout';

type Screen =
  | { name: 'start' }
  | { name: 'followUp'; responseId: string; topics: readonly PollOption[] }
  | { name: 'thanks' }
  | { name: 'saveFailed' }
  | { name: 'textAnswer'; poll: Poll }
  | { name: 'comment'; responseId: string }
  | { name: 'staff' };

type Loading = { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; kiosk: KioskInfo };

const retryAfterMs = 5000;
const coolDownMs = 1200;

export function App() {
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [polls, setPolls] = useState<readonly Poll[]>([]);
  const [language, setLanguage] = useState<LanguageCode>('fi');
  const [display, setDisplay] = useState<DisplaySettings>(defaultDisplay);
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  const [visit, setVisit] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  const isBusyRef = useRef(false);
  const [isCoolingDown, startCoolDown] = useCoolDown(coolDownMs);
  const texts = parentMessages[language];
  const kiosk = loading.state === 'ready' ? loading.kiosk : null;
  const defaultLanguage = kiosk?.defaultLanguage ?? 'fi';

  const refreshPolls = useCallback(async () => {
    const result = await client.call('polls.active', {});
    if (result.ok) setPolls(result.value.polls);
    return result.ok;
  }, []);

  const reloadKiosk = useCallback(async () => {
    const info = await client.call('kiosk.info', {});
    if (info.ok) setLoading({ state: 'ready', kiosk: info.value });
  }, []);

  useEffect(() => {
    let retry: number | undefined;
    const load = async () => {
      const [info, hasPolls] = await Promise.all([client.call('kiosk.info', {}), refreshPolls()]);
      if (info.ok && hasPolls) {
        setLoading({ state: 'ready', kiosk: info.value });
        setLanguage(info.value.defaultLanguage);
      } else {
        setLoading({ state: 'unavailable' });
        retry = window.setTimeout(() => void load(), retryAfterMs);
      }
    };
    void load();
    return () => window.clearTimeout(retry);
  }, [refreshPolls]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languageDirections[language];
  }, [language]);

  // The staff area keeps its own look; the parents' choice applies to the parents' screens only.
  const isParentScreen = screen.name !== 'staff';
  useEffect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-high-contrast', isParentScreen && display.isHighContrast);
    root.toggleAttribute('data-large-text', isParentScreen && display.isLargeText);
  }, [display, isParentScreen]);

  const goToStart = useCallback(
    (shouldResetLanguage: boolean) => {
      setScreen({ name: 'start' });
      setVisit((count) => count + 1);
      startCoolDown();
      if (shouldResetLanguage) {
        setLanguage(defaultLanguage);
        setDisplay(defaultDisplay);
      }
      void refreshPolls();
    },
    [defaultLanguage, refreshPolls, startCoolDown],
  );

  /** A second tap while the first is being saved is ignored, so a double tap counts once. */
  const runExclusive = async (work: () => Promise<void>) => {
    if (isBusyRef.current) return;
    isBusyRef.current = true;
    setIsBusy(true);
    try {
      await work();
    } finally {
      isBusyRef.current = false;
      setIsBusy(false);
    }
  };

  const answer = (poll: Poll, given: Answer) =>
    runExclusive(async () => {
      const result = await client.call('responses.submit', {
        pollId: poll.id,
        pollVersion: poll.version,
        answer: given,
        language,
      });
      if (!result.ok) {
        if (result.error.code === 'not_active' || result.error.code === 'not_found') {
          await refreshPolls();
          return;
        }
        setScreen({ name: 'saveFailed' });
        return;
      }
      const topics = poll.followUp?.topics ?? [];
      const { responseId } = result.value;
      if (topics.length > 0) setScreen({ name: 'followUp', responseId, topics });
      else if (poll.followUp?.comment === true) setScreen({ name: 'comment', responseId });
      else setScreen({ name: 'thanks' });
    });

  const finishComment = (responseId: string, comment: string) =>
    runExclusive(async () => {
      const result = await client.call('responses.followUp', { responseId, topics: [], comment });
      setScreen(result.ok ? { name: 'thanks' } : { name: 'saveFailed' });
    });

  const finishFollowUp = (responseId: string, topics: string[]) =>
    runExclusive(async () => {
      const result = await client.call('responses.followUp', { responseId, topics });
      setScreen(result.ok ? { name: 'thanks' } : { name: 'saveFailed' });
    });

  // The staff area keeps its own, longer idle time and locks itself when it runs out.
  const isAway =
    screen.name !== 'staff' && (screen.name !== 'start' || language !== defaultLanguage || !isDefaultDisplay(display));
  useIdleTimeout(kiosk !== null && isAway, kiosk?.idleSeconds ?? 30, () => goToStart(true));
  useIdleTimeout(kiosk !== null && screen.name === 'thanks', kiosk?.thanksSeconds ?? 5, () => goToStart(true));

  if (loading.state === 'loading') return <WaitingScreen message={texts['start.loading']} isProblem={false} />;
  if (loading.state === 'unavailable') return <WaitingScreen message={texts['start.unavailable']} isProblem />;
  const waiting = <WaitingScreen message={texts['start.loading']} isProblem={false} />;
  if (!loading.kiosk.isSetUp) {
    return (
      <Suspense fallback={waiting}>
        <lazyScreens.SetupScreen kiosk={loading.kiosk} language={language} onDone={() => void reloadKiosk()} />
      </Suspense>
    );
  }

  return (
    <ErrorBoundary texts={texts} onRecover={() => goToStart(true)}>
      {screen.name === 'start' ? (
        <StartScreen
          kiosk={loading.kiosk}
          polls={polls}
          language={language}
          texts={texts}
          isBusy={isBusy || isCoolingDown}
          onLanguage={setLanguage}
          display={display}
          onDisplay={setDisplay}
          onAnswer={(poll, given) => void answer(poll, given)}
          onWrite={(poll) => setScreen({ name: 'textAnswer', poll })}
          onStaff={() => setScreen({ name: 'staff' })}
          visit={visit}
        />
      ) : null}
      {screen.name === 'textAnswer' || screen.name === 'comment' || screen.name === 'staff' ? (
        <Suspense fallback={waiting}>
          {screen.name === 'textAnswer' ? (
            <lazyScreens.TextAnswerScreen
              poll={screen.poll}
              language={language}
              texts={texts}
              isBusy={isBusy}
              onSend={(text) => void answer(screen.poll, { text })}
              onBack={() => goToStart(false)}
            />
          ) : null}
          {screen.name === 'comment' ? (
            <lazyScreens.CommentScreen
              texts={texts}
              language={language}
              isBusy={isBusy}
              onDone={(comment) => void finishComment(screen.responseId, comment)}
              onSkip={() => setScreen({ name: 'thanks' })}
            />
          ) : null}
          {screen.name === 'staff' ? (
            <lazyScreens.StaffArea
              language={defaultLanguage}
              onExit={() => {
                goToStart(true);
                void reloadKiosk();
              }}
              onKioskChanged={() => void reloadKiosk()}
            />
          ) : null}
        </Suspense>
      ) : null}
      {screen.name === 'followUp' ? (
        <FollowUpScreen
          topics={screen.topics}
          language={language}
          texts={texts}
          isBusy={isBusy}
          onDone={(topics) => void finishFollowUp(screen.responseId, topics)}
          onSkip={() => setScreen({ name: 'thanks' })}
        />
      ) : null}
      {screen.name === 'thanks' ? <ThanksScreen texts={texts} onBack={() => goToStart(false)} /> : null}
      {screen.name === 'saveFailed' ? <SaveFailedScreen texts={texts} onBack={() => goToStart(true)} /> : null}
    </ErrorBoundary>
  );
}
