import { Suspense, useCallback, useEffect, useState } from 'react';
import type { KioskInfo } from '../../src-shared/contract/kiosk';
import { isChildKind } from '../../src-shared/contract/children';
import type { Poll } from '../../src-shared/contract/polls';
import { languageDirections, type LanguageCode } from '../../src-shared/i18n/languages';
import { parentMessages } from '../../src-shared/i18n/parents/parent-messages';
import { client } from '../api/transport';
import { defaultDisplay, isDefaultDisplay, type DisplaySettings } from '../parents/display-settings';
import { FollowUpScreen } from '../parents/FollowUpScreen';
import { SaveFailedScreen } from '../parents/SaveFailedScreen';
import { StartScreen } from '../parents/StartScreen';
import { ThanksScreen } from '../parents/ThanksScreen';
import { useCurrentOutcomes } from '../parents/useCurrentOutcomes';
import { usePreparedSpeech } from '../parents/usePreparedSpeech';
import { useVisit } from '../parents/useVisit';
import { WaitingScreen } from '../parents/WaitingScreen';
import { ChildrenWay } from './ChildrenWay';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyScreens, prefetchVisitorScreens } from './lazy-screens';
import { useIdleTimeout } from './useIdleTimeout';

type Loading = { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; kiosk: KioskInfo };

const retryAfterMs = 5000;

export function App() {
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [polls, setPolls] = useState<readonly Poll[]>([]);
  const [language, setLanguage] = useState<LanguageCode>('fi');
  const [display, setDisplay] = useState<DisplaySettings>(defaultDisplay);
  const texts = parentMessages[language];
  const kiosk = loading.state === 'ready' ? loading.kiosk : null;
  const defaultLanguage = kiosk?.defaultLanguage ?? 'fi';
  const outcomes = useCurrentOutcomes(kiosk);

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

  const resetChoices = useCallback(() => {
    setLanguage(defaultLanguage);
    setDisplay(defaultDisplay);
  }, [defaultLanguage]);
  const { screen, visit, isBusy, isCoolingDown, goToStart, ...step } = useVisit({ language, refreshPolls, resetChoices });

  // The staff area keeps its own look; the parents' choice applies to the parents' screens only.
  const isParentScreen = screen.name !== 'staff';
  usePreparedSpeech(language, kiosk !== null && isParentScreen);
  const hasChildrenWay = polls.some((poll) => isChildKind(poll.kind));
  const isOpen = kiosk?.isSetUp === true;
  useEffect(() => {
    if (!isOpen) return;
    const idle = window.requestIdleCallback(() => prefetchVisitorScreens(hasChildrenWay), { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, [isOpen, hasChildrenWay]);
  useEffect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-high-contrast', isParentScreen && display.isHighContrast);
    root.toggleAttribute('data-large-text', isParentScreen && display.isLargeText);
  }, [display, isParentScreen]);

  // The staff area keeps its own, longer idle time and locks itself when it runs out.
  const isAway =
    screen.name !== 'staff' && (screen.name !== 'start' || language !== defaultLanguage || !isDefaultDisplay(display));
  useIdleTimeout(kiosk !== null && isAway, kiosk?.idleSeconds ?? 30, () => goToStart(true));
  useIdleTimeout(kiosk !== null && (screen.name === 'thanks' || screen.name === 'childThanks'), kiosk?.thanksSeconds ?? 5, () => goToStart(true));

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
          outcomes={outcomes}
          language={language}
          texts={texts}
          isBusy={isBusy || isCoolingDown}
          onLanguage={setLanguage}
          display={display}
          onDisplay={setDisplay}
          onAnswer={step.answer}
          onWrite={step.writeAnswer}
          onStaff={step.openStaffArea}
          onChildren={step.openChildren}
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
              onSend={(text) => step.answer(screen.poll, { text })}
              onBack={() => goToStart(false)}
            />
          ) : null}
          {screen.name === 'comment' ? (
            <lazyScreens.CommentScreen
              texts={texts}
              language={language}
              isBusy={isBusy}
              onDone={(comment) => step.finishComment(screen.responseId, comment)}
              onSkip={step.skipToThanks}
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
      {screen.name === 'children' || screen.name === 'childThanks' ? (
        <Suspense fallback={waiting}>
          <ChildrenWay screen={screen} polls={polls} language={language} texts={texts} isBusy={isBusy} onAnswer={step.answer} onHome={() => goToStart(true)} />
        </Suspense>
      ) : null}
      {screen.name === 'followUp' ? (
        <FollowUpScreen
          topics={screen.topics}
          language={language}
          texts={texts}
          isBusy={isBusy}
          onDone={(topics) => step.finishFollowUp(screen.responseId, topics)}
          onSkip={step.skipToThanks}
        />
      ) : null}
      {screen.name === 'thanks' ? <ThanksScreen texts={texts} onBack={() => goToStart(false)} /> : null}
      {screen.name === 'saveFailed' ? <SaveFailedScreen texts={texts} onBack={() => goToStart(true)} /> : null}
    </ErrorBoundary>
  );
}
