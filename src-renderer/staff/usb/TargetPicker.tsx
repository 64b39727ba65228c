import type { ExportTarget } from '../../../src-shared/contract/exports';
import { fill } from '../../../src-shared/i18n/format';
import type { Messages } from '../../../src-shared/i18n/fi';
import type { LanguageCode } from '../../../src-shared/i18n/languages';
import { ChoiceGroup } from '../ChoiceGroup';
import { formatBytes } from './byte-size';

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
  const labelOf = (target: ExportTarget) => fill(texts[target.kind === 'stick' ? 'usb.found' : 'usb.foundFolder'], { name: target.name, free: formatBytes(target.freeBytes, language) });
  return (
    <>
      <p className="usb-banner" data-fact="stick">
        {labelOf(chosen)}
      </p>
      {/* A plain folder may lie on the kiosk's own disk: the staff must know it is not a stick. */}
      <p className="usb-target-kind" data-fact="target-kind" data-kind={chosen.kind}>
        <bdi>{fill(texts[chosen.kind === 'stick' ? 'usb.kind.stick' : 'usb.kind.folder'], { path: chosen.path })}</bdi>
      </p>
      {chosen.isWritable ? null : <p className="field-problem">{fill(texts['usb.readOnly'], { name: chosen.name })}</p>}
      {targets.length > 1 ? (
        <ChoiceGroup
          name="target"
          label={texts['usb.targets']}
          value={chosen.id}
          choices={targets.map((target) => ({ value: target.id, label: target.name }))}
          onChange={onChoose}
        />
      ) : null}
    </>
  );
}
