import type { StaffDraft } from '../../../src-shared/contract/staff-session';

/**
 * The staff form being edited, as the screens last sent it with a keep-alive. It lives on the
 * kiosk's main side and is reached only through staff methods, so a parent at the screen
 * cannot read it from the browser's storage; it comes back to staff after the PIN.
 */
export class StaffDrafts {
  private draft: StaffDraft | null = null;

  keep(draft: StaffDraft | null): void {
    this.draft = draft;
  }

  /** Hands the draft over once: staff who reopen it own it again in their screen. */
  take(): StaffDraft | null {
    const draft = this.draft;
    this.draft = null;
    return draft;
  }
}
