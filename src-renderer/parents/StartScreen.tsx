import { isChildKind } from '../../src-shared/contract/children';
import type { KioskInfo } from '../../src-shared/contract/kiosk';
import type { Poll } from '../../src-shared/contract/polls';
import type { Answer } from '../../src-shared/contract/responses';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { DisplaySettings } from './display-settings';
import { ChildrenEntry } from './ChildrenEntry';
import { DisplayToggles } from './DisplayToggles';
import { HiddenStaffCorner } from './HiddenStaffCorner';
import { LanguageBar } from './LanguageBar';
import { PollView } from './PollView';
import { OutcomeBand } from './OutcomeBand';
import type { CurrentOutcome } from './useCurrentOutcomes';
import { UserText } from '../user-text/UserText';

interface StartScreenProps {
  kiosk: KioskInfo;
  polls: readonly Poll[];
  /** Today's "you said, we did" outcomes. */
  outcomes: readonly CurrentOutcome[];
  language: LanguageCode;
  texts: ParentMessages;
  isBusy: boolean;
  onLanguage: (language: LanguageCode) => void;
  display: DisplaySettings;
  onDisplay: (display: DisplaySettings) => void;
  onAnswer: (poll: Poll, answer: Answer) => void;
  onWrite: (poll: Poll) => void;
  onStaff: () => void;
  /** Opens the children's way; the start screen offers it while a children's poll is open. */
  onChildren: () => void;
  /** Counts visits to the start screen; with several quick polls active, each visit shows the next. */
  visit: number;
}

/** The standing question answers with one tap; active quick polls stand beside it. */
export function StartScreen({ kiosk, polls, outcomes, language, texts, isBusy, onLanguage, display, onDisplay, onAnswer, onWrite, onStaff, onChildren, visit }: StartScreenProps) {
  // Children's polls have their own way in and are never shown to parents here.
  const [standing, ...quickPolls] = polls.filter((poll) => !isChildKind(poll.kind));
  const hasChildrenPolls = polls.some((poll) => isChildKind(poll.kind));
  // One quick poll at a time keeps the screen calm and within its height; they take turns.
  const turn = quickPolls[visit % Math.max(1, quickPolls.length)];
  const shownQuickPolls = turn === undefined ? [] : [turn];
  return (
    <main className="screen start-screen" data-screen="start">
      <HiddenStaffCorner onOpen={onStaff} />
      <header className="start-header">
        <p className="site-name">
          <UserText text={kiosk.siteName} />
        </p>
        <h1 className="invitation">{texts['start.invitation']}</h1>
      </header>
      <div className="start-polls">
        {standing === undefined ? null : (
          <div className="standing-poll">
            <PollView poll={standing} language={language} texts={texts} isBusy={isBusy} onAnswer={onAnswer} onWrite={onWrite} />
            <p className="hint">{texts['start.hint']}</p>
          </div>
        )}
        {shownQuickPolls.length === 0 ? null : (
          <aside className="quick-polls" aria-label={texts['start.quickPoll']}>
            {shownQuickPolls.map((poll) => (
              <div className="quick-poll" key={`${poll.id}@${poll.version}`}>
                <p className="quick-poll-tag">{texts['start.quickPoll']}</p>
                <PollView poll={poll} language={language} texts={texts} isBusy={isBusy} onAnswer={onAnswer} onWrite={onWrite} />
              </div>
            ))}
          </aside>
        )}
      </div>
      {hasChildrenPolls ? <ChildrenEntry label={texts['children.open']} isDisabled={isBusy} onOpen={onChildren} /> : null}
      <OutcomeBand outcomes={outcomes} language={language} visit={visit} />
      <footer className="start-footer">
        <LanguageBar languages={kiosk.languages} current={language} label={texts['language.label']} onChoose={onLanguage} />
        <DisplayToggles display={display} texts={texts} onChange={onDisplay} />
      </footer>
    </main>
  );
}
