import { useRef, useState, type DragEvent } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { BatchRefused, openExportedBatch, type ReceivedBatch, type RefusalReason } from '../../src-shared/qr/batch-intake';
import { sha256Hex } from './sha256';

export interface FolderImportProps {
  language: LanguageCode;
  onReceived: (batch: ReceivedBatch) => Promise<void>;
  onRefused: (reason: RefusalReason) => void;
}

/**
 * Brings in export folders from a USB stick: their responses.json, checked against the hash in
 * manifest.json beside it. Files chosen from several folders are paired by folder.
 */
export function FolderImport({ language, onReceived, onRefused }: FolderImportProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);

  const take = async (files: readonly File[]) => {
    const folders = new Map<string, { responses?: File; manifest?: File }>();
    for (const file of files) {
      const folder = file.webkitRelativePath.split('/').slice(0, -1).join('/');
      const entry = folders.get(folder) ?? {};
      if (file.name === 'responses.json') entry.responses = file;
      if (file.name === 'manifest.json') entry.manifest = file;
      folders.set(folder, entry);
    }
    const pairs = [...folders.values()].filter((entry) => entry.responses !== undefined);
    if (pairs.length === 0) onRefused('notABatch');
    for (const { responses, manifest } of pairs) {
      if (responses === undefined) continue;
      try {
        await onReceived(await openExportedBatch(await responses.text(), manifest === undefined ? null : await manifest.text(), sha256Hex));
      } catch (error) {
        if (error instanceof BatchRefused) onRefused(error.reason);
        else throw error;
      }
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    void take([...event.dataTransfer.files]);
  };

  return (
    <section
      className={`folder-import${isOver ? ' folder-import--over' : ''}`}
      aria-labelledby="import-heading"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="import-heading">{qrText(language, 'receiver.import')}</h2>
      <p className="receiver-hint" id="import-hint">{qrText(language, 'receiver.importHint')}</p>
      <button type="button" className="receiver-button" aria-describedby="import-hint" onClick={() => inputRef.current?.click()}>
        {qrText(language, 'receiver.import')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        data-testid="folder-files"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          void take(files);
        }}
      />
    </section>
  );
}
