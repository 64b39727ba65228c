import { useState } from 'react';
import type { PollPackPreview } from '../../../src-shared/contract/poll-pack';
import { fill } from '../../../src-shared/i18n/format';
import type { Messages } from '../../../src-shared/i18n/fi';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import type { StaffCall } from '../staff-call';
import { ReasonedButton } from '../ReasonedButton';
import { PackPreviewList } from './PackPreviewList';

interface PollPackPanelProps {
  texts: Messages;
  language: LanguageCode;
  call: StaffCall;
  /** Null when no stick is in, or an export is writing to it. */
  targetId: string | null;
  /** Imported polls change what the parents see; the staff home reloads on its own when opened. */
  onImported: () => void;
}

type Note = { kind: 'done' | 'problem'; text: string };

/** Setting up a second kiosk the same way: the polls go out as kerro-polls.json and come in after a preview. */
export function PollPackPanel({ texts, language, call, targetId, onImported }: PollPackPanelProps) {
  const [isBusy, setIsBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  /** A pack already on the stick is replaced only after a second, explicit tap. */
  const [canReplace, setCanReplace] = useState(false);
  const [preview, setPreview] = useState<PollPackPreview | null>(null);

  const writePack = async (replace: boolean) => {
    if (targetId === null) return;
    setIsBusy(true);
    setPreview(null);
    const result = await call('polls.exportPack', { targetId, replace });
    setIsBusy(false);
    setCanReplace(!result.ok && result.error.code === 'conflict');
    setNote(
      result.ok
        ? { kind: 'done', text: fill(texts['usb.packWritten'], { count: result.value.polls, file: result.value.file }) }
        : { kind: 'problem', text: result.error.message },
    );
  };

  const readPack = async () => {
    if (targetId === null) return;
    setIsBusy(true);
    setNote(null);
    setCanReplace(false);
    const result = await call('polls.previewPack', { targetId });
    setIsBusy(false);
    if (result.ok) setPreview(result.value);
    else setNote({ kind: 'problem', text: result.error.message });
  };

  const importPack = async () => {
    if (targetId === null) return;
    setIsBusy(true);
    const result = await call('polls.importPack', { targetId });
    setIsBusy(false);
    setPreview(null);
    if (!result.ok) return setNote({ kind: 'problem', text: result.error.message });
    setNote({ kind: 'done', text: fill(texts['usb.packImported'], { ...result.value }) });
    onImported();
  };

  const isDisabled = isBusy || targetId === null;
  const reason = targetId === null ? texts['usb.needStick'] : isBusy ? texts['usb.busy'] : null;
  return (
    <section className="usb-packs" aria-labelledby="usb-packs-heading">
      <h2 id="usb-packs-heading">{texts['usb.packs']}</h2>
      <div className="usb-pack-actions">
        <ReasonedButton className="secondary-button" action="pack-export" reason={reason} onPress={() => void writePack(false)}>
          {texts['usb.packExport']}
        </ReasonedButton>
        <ReasonedButton className="secondary-button" action="pack-preview" reason={reason} onPress={() => void readPack()}>
          {texts['usb.packPreview']}
        </ReasonedButton>
        {canReplace ? (
          <button type="button" className="secondary-button" data-action="pack-replace" disabled={isDisabled} onClick={() => void writePack(true)}>
            {texts['usb.packReplace']}
          </button>
        ) : null}
      </div>
      <div role="status">
        {note === null ? null : (
          <p className={note.kind === 'problem' ? 'field-problem' : 'usb-done'} data-fact={`pack-${note.kind}`}>
            {note.text}
          </p>
        )}
      </div>
      {preview === null ? null : <PackPreviewList preview={preview} texts={texts} language={language} isBusy={isDisabled} onImport={() => void importPack()} />}
    </section>
  );
}
