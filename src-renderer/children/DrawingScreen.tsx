import { drawingColorNames } from '../../src-shared/contract/drawing';
import { useTap } from '../parents/useTap';
import { ColorButton } from './ColorButton';
import { DoneButton } from './DoneButton';
import { DrawingPad } from './DrawingPad';
import { QuestionHeader } from './QuestionHeader';
import { readAloud } from './read-aloud';
import { useDrawing } from './useDrawing';
import { useSpokenQuestion } from './useSpokenQuestion';
import type { ChildrenScreenProps } from './children-screen-props';
import './children.css';

/**
 * A wish drawn with a finger: a few big colours, undo, and a tick when done. The drawing leaves
 * this screen only as the answer; the kiosk never shows it to anyone again.
 */
export function DrawingScreen({ poll, language, texts, isBusy, onAnswer, onHome }: ChildrenScreenProps) {
  const drawing = useDrawing();
  const question = useSpokenQuestion(poll, language);
  const undo = useTap(drawing.undo);

  return (
    <main className="screen children-screen drawing-screen" data-screen="children" data-poll={poll.id} data-kind={poll.kind}>
      <QuestionHeader question={question} texts={texts} onHome={onHome} />
      <div className="drawing-area">
        <DrawingPad label={texts['children.canvas']} strokes={drawing.strokes} isDisabled={isBusy} onBegin={drawing.begin} onExtend={drawing.extend} />
      </div>
      <footer className="children-footer drawing-tools">
        {drawingColorNames.map((color) => (
          <ColorButton
            key={color}
            color={color}
            label={texts[`children.color.${color}`]}
            isChosen={drawing.color === color}
            onChoose={(chosen) => {
              drawing.setColor(chosen);
              readAloud({ text: texts[`children.color.${chosen}`], language });
            }}
          />
        ))}
        <button type="button" className="child-round-button undo-button" data-action="undo" aria-label={texts['children.undo']} disabled={drawing.strokes.length === 0} {...undo}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M9 5 4 10l5 5M4.5 10H14a6 6 0 0 1 0 12h-3" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <DoneButton
          label={texts['children.done']}
          isDisabled={isBusy || drawing.strokes.length === 0}
          onDone={() => onAnswer(poll, { drawing: { strokes: drawing.strokes.map((stroke) => ({ color: stroke.color, points: [...stroke.points] })) } })}
        />
      </footer>
    </main>
  );
}
