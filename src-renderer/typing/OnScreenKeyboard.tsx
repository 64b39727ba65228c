import { useState } from 'react';
import { KeyboardReact } from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import type { ParentMessages } from '../../src-shared/i18n/parents/parent-keys';
import './keyboard.css';

/** Finnish and Swedish share one layout: å beside p, ö and ä beside l, as on the keyboards here. */
const layout = {
  default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p å', 'a s d f g h j k l ö ä', '{shift} z x c v b n m , . -', '? ! ( ) {space} : / {done}'],
  shift: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P Å', 'A S D F G H J K L Ö Ä', '{shift} Z X C V B N M ; : _', '? ! ( ) {space} " + {done}'],
};

interface OnScreenKeyboardProps {
  texts: ParentMessages;
  onKey: (key: string) => void;
  onDone: () => void;
}

/** Big keys for a finger; no physical keyboard is needed anywhere in Kerro. */
export function OnScreenKeyboard({ texts, onKey, onDone }: OnScreenKeyboardProps) {
  const [isShifted, setIsShifted] = useState(false);
  const press = (key: string) => {
    if (key === '{shift}') {
      setIsShifted((current) => !current);
      return;
    }
    if (key === '{done}') {
      onDone();
      return;
    }
    onKey(key);
    // Like a phone keyboard: one capital, then small letters again.
    if (isShifted && key.length === 1) setIsShifted(false);
  };
  return (
    <div className="on-screen-keyboard" role="group" aria-label={texts['keyboard.label']}>
      <KeyboardReact
        layout={layout}
        layoutName={isShifted ? 'shift' : 'default'}
        display={{
          '{bksp}': `⌫ ${texts['keyboard.erase']}`,
          '{shift}': `⇧ ${texts['keyboard.shift']}`,
          '{space}': texts['keyboard.space'],
          '{done}': texts['keyboard.done'],
        }}
        buttonTheme={[
          { class: 'key-wide', buttons: '{bksp} {shift} {done}' },
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
