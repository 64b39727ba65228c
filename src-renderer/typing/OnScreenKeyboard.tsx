import { useState } from 'react';
import { KeyboardReact } from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import { keyboardFor } from './keyboard-layouts';
import './keyboard.css';

interface OnScreenKeyboardProps {
  texts: ParentMessages;
  /** Chooses the letters: a Ukrainian parent gets Cyrillic first, Latin one key away. */
  language: LanguageCode;
  /** The next letter starts a sentence: shift comes on by itself where the letters have capitals. */
  isSentenceStart: boolean;
  onKey: (key: string) => void;
  onDone: () => void;
}

/** Big keys for a finger; no physical keyboard is needed anywhere in Kerro. */
export function OnScreenKeyboard({ texts, language, isSentenceStart, onKey, onDone }: OnScreenKeyboardProps) {
  const [isLatin, setIsLatin] = useState(false);
  const choice = keyboardFor(language);
  const layout = isLatin && choice.latin !== null ? choice.latin : choice.own;
  const [isShifted, setIsShifted] = useState(isSentenceStart && layout.isShiftOneShot);
  const [seenSentenceStart, setSeenSentenceStart] = useState(isSentenceStart);
  if (seenSentenceStart !== isSentenceStart) {
    setSeenSentenceStart(isSentenceStart);
    if (isSentenceStart && layout.isShiftOneShot) setIsShifted(true);
  }
  const press = (key: string) => {
    if (key === '{shift}') {
      setIsShifted((current) => !current);
      return;
    }
    if (key === '{letters}') {
      setIsLatin((current) => !current);
      setIsShifted(false);
      return;
    }
    if (key === '{done}') {
      onDone();
      return;
    }
    onKey(key);
    if (isShifted && layout.isShiftOneShot && key.length === 1) setIsShifted(false);
  };
  return (
    // The key rows are a picture of a physical keyboard, so they stay left to right on an Arabic
    // page too; flex would otherwise mirror them and put ض where the PC keyboard has د.
    <div className="on-screen-keyboard" role="group" aria-label={texts['keyboard.label']} dir="ltr">
      <KeyboardReact
        layout={{ default: [...layout.default], shift: [...layout.shift] }}
        layoutName={isShifted ? 'shift' : 'default'}
        display={{
          '{bksp}': `⌫ ${texts['keyboard.erase']}`,
          '{shift}': `${layout.shiftSign} ${texts[layout.shiftText]}`,
          '{letters}': isLatin ? texts['keyboard.ownLetters'] : texts['keyboard.latinLetters'],
          '{space}': texts['keyboard.space'],
          '{done}': texts['keyboard.done'],
        }}
        buttonTheme={[
          { class: 'key-wide', buttons: '{bksp} {shift} {letters} {done}' },
          { class: 'key-space', buttons: '{space}' },
          ...(isShifted ? [{ class: 'key-on', buttons: '{shift}' }] : []),
        ]}
        useButtonTag
        preventMouseDownDefault
        disableButtonHold
        onKeyPress={press}
      />
    </div>
  );
}
