import type { ExportTarget } from '../../../src-shared/contract/exports';
import type { Messages } from '../../../src-shared/i18n/fi';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { ChoiceGroup } from '../ChoiceGroup';
import { formatBytes } from './byte-size';
import { fillWithUserText } from '../../user-text/fill-with-user-text';
import { UserText } from '../../user-text/UserText';

interface TargetPickerProps {
  texts: Messages;
  language: LanguageCode;
  /** Null until the first look. */
  targets: readonly ExportTarget[] | null;
  chosen: ExportTarget | null;
  onChoose: (targetId: string) => void;
}

/** "USB stick found: NAME (free)" or "Folder found: …", and which of the two it is; a choice only appears when more than one target is there. */
export function TargetPicker({ texts, language, targets, chosen, onChoose }: TargetPickerProps) {
  if (targets === null) return null;
  if (targets.length === 0 || chosen === null) {
    return (
      <p className="usb-banner usb-banner-none" data-fact="no-stick">
        <span aria-hidden="true">ℹ </span>
        {texts['usb.none']}
      </p>
    );
  }
  const labelOf = (target: ExportTarget) =>
    fillWithUserText(texts[target.kind === 'stick' ? 'usb.found' : 'usb.foundFolder'], { free: formatBytes(target.freeBytes, language) }, { name: target.name });
  return (
    <>
      <p className="usb-banner" data-fact="stick">
        {labelOf(chosen)}
      </p>
      {/* A plain folder may lie on the kiosk's own disk: the staff must know it is not a stick. */}
      <p className="usb-target-kind" data-fact="target-kind" data-kind={chosen.kind}>
        {fillWithUserText(texts[chosen.kind === 'stick' ? 'usb.kind.stick' : 'usb.kind.folder'], {}, { path: chosen.path })}
      </p>
      {chosen.isWritable ? null : <p className="field-problem">{fillWithUserText(texts['usb.readOnly'], {}, { name: chosen.name })}</p>}
      {targets.length > 1 ? (
        <ChoiceGroup
          name="target"
          label={texts['usb.targets']}
          value={chosen.id}
          choices={targets.map((target) => ({ value: target.id, label: <UserText text={target.name} /> }))}
          onChange={onChoose}
        />
      ) : null}
    </>
  );
}
