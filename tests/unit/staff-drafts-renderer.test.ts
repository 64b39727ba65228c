import { describe, expect, it } from 'vitest';
import { staffDraftSchema } from '../../src-shared/contract/staff-session';
import { draftOfOutcome, outcomeOfDraft } from '../../src-renderer/staff/session/outcome-draft';
import { draftOfSettings, settingsOfDraft } from '../../src-renderer/staff/session/settings-draft';

const outcome = {
  outcomeId: '0b7a4e2c-3f1d-4c8e-9a6b-2d5e7f9a1c3b',
  form: { fi: 'Aamukahvi alkaa ', sv: '', en: '', startsOn: '2026-12-03', endsOn: '2026-12-31' },
};

describe('the staff screens’ drafts', () => {
  it('give an outcome back as it was left, half-typed text too, through the contract', () => {
    const draft = staffDraftSchema.parse(draftOfOutcome(outcome));
    expect(draft.screen).toBe('outcome');
    expect(outcomeOfDraft(draft)).toEqual(outcome);
  });

  it('open no screen with another screen’s draft, broken text or a bad day', () => {
    const settings = draftOfSettings({ siteName: 'Piha', languages: ['fi'], defaultLanguage: 'fi', idleSeconds: 60, thanksSeconds: 5 });
    expect(outcomeOfDraft(settings)).toBeNull();
    expect(settingsOfDraft(draftOfOutcome(outcome))).toBeNull();
    expect(outcomeOfDraft({ ...draftOfOutcome(outcome), payload: '{"outcomeId": null, "form": ' })).toBeNull();
    expect(outcomeOfDraft(draftOfOutcome({ ...outcome, form: { ...outcome.form, endsOn: '31.12.2026' } }))).toBeNull();
  });
});
