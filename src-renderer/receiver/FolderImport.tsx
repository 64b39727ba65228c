import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { qrText } from '../../src-shared/i18n/qr-messages';
import { filesFromEntries, groupIntoFolders, pickedFiles, type FolderFiles, type PickedFile } from './folder-files';
import { nextTask } from './next-task';

export interface FolderImportProps {
  language: LanguageCode;
  isBusy: boolean;
  onFolders: (folders: FolderFiles[]) => Promise<void>;
}

/**
 * Brings in export folders from a USB stick: one or many folders, or the stick's root holding
 * them, by the folder picker or by dropping them here; loose files still work where a phone
 * offers no folder picker.
 */
export function FolderImport({ language, isBusy, onFolders }: FolderImportProps) {
  const folderRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);

  useEffect(() => {
    // React knows no `webkitdirectory` prop; the DOM property is standard in every engine now.
    if (folderRef.current !== null) folderRef.current.webkitdirectory = true;
  }, []);

  const take = async (files: Promise<PickedFile[]>) => {
    const picked = await files;
    // The browser has just made a File for every file on the stick; the rest waits for a task of its own.
    await nextTask();
    await onFolders(await groupIntoFolders(picked));
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    // Items are readable only while the drop event runs: take their entries now, walk them after.
    const items = [...event.dataTransfer.items].filter((item) => item.kind === 'file');
    const entries = items.map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
    if (entries.length === items.length && entries.length > 0) void take(filesFromEntries(entries));
    else void take(Promise.resolve(pickedFiles([...event.dataTransfer.files])));
  };

  const onPicked = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void take(Promise.resolve(pickedFiles(files)));
  };

  return (
    <section
      className={`folder-import${isOver ? ' folder-import--over' : ''}`}
      aria-labelledby="import-heading"
      aria-busy={isBusy}
      data-testid="drop-area"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="import-heading">{qrText(language, 'receiver.import')}</h2>
      <p className="receiver-hint" id="import-hint">
        {qrText(language, 'receiver.importHint')}
      </p>
      <div className="import-buttons">
        <button type="button" className="receiver-button" aria-describedby="import-hint" disabled={isBusy} onClick={() => folderRef.current?.click()}>
          {qrText(language, 'receiver.importFolders')}
        </button>
        <button type="button" className="receiver-button receiver-button--quiet" disabled={isBusy} onClick={() => filesRef.current?.click()}>
          {qrText(language, 'receiver.importFiles')}
        </button>
      </div>
      <input ref={folderRef} type="file" multiple hidden data-testid="folder-picker" onChange={(event) => onPicked(event.currentTarget)} />
      <input
        ref={filesRef}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        data-testid="folder-files"
        onChange={(event) => onPicked(event.currentTarget)}
      />
    </section>
  );
}
