import { Low } from 'lowdb';
import { z } from 'zod';
import { staffDraftSchema, type StaffDraft } from '../../../src-shared/contract/staff-session';
import { DurableDocument, DurableDocumentAdapter, type DocumentSpec } from '../store/document';
import type { StoreContext } from '../store/store-context';

interface StaffDraftDocument {
  draft: StaffDraft | null;
}

export const staffDraftDocumentSpec: DocumentSpec<StaffDraftDocument> = {
  fileName: 'staff-draft.json',
  schemaVersion: 1,
  schema: z.object({ draft: staffDraftSchema.nullable() }),
};

/**
 * The staff form being edited, as the screens last sent it with a keep-alive. It lives on the
 * kiosk's main side and is reached only through staff methods, so a parent at the screen cannot
 * read it from the browser's storage; it comes back to staff after the PIN. It is also written to
 * the data folder, so that a restart of the kiosk (a power cut mid-edit) does not lose it.
 */
export class StaffDrafts {
  /** Writes go one after another, each with the latest draft, so the file never ends older than memory. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly document: DurableDocument<StaffDraftDocument>,
    private draft: StaffDraft | null,
  ) {}

  /** Reads a kept draft if there is one; the file is written only once a draft is kept. */
  static async open(context: StoreContext): Promise<StaffDrafts> {
    const adapter = new DurableDocumentAdapter(context, staffDraftDocumentSpec);
    const stored = await adapter.read();
    const document = new DurableDocument(new Low(adapter, stored ?? { draft: null }));
    return new StaffDrafts(document, document.data.draft);
  }

  /**
   * Memory takes the draft whatever the disk does: a keep-alive must keep the session even on a
   * full disk (the store has logged the fault), and the draft then lasts until a restart.
   */
  keep(draft: StaffDraft | null): Promise<void> {
    if (draft === null && this.draft === null) return this.writing;
    this.draft = draft;
    this.writing = this.writing.then(() => this.document.hold({ draft: this.draft })).catch(() => undefined);
    return this.writing;
  }

  /** Hands the draft over once: staff who reopen it own it again in their screen. */
  async take(): Promise<StaffDraft | null> {
    const { draft } = this;
    await this.keep(null);
    return draft;
  }
}
