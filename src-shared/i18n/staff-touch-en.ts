import type { StaffTouchKey } from './staff-touch-fi';

export const staffTouchEn = {
  'session.endingSoon': 'The session ends in {seconds} seconds. Touch the screen to carry on.',
  'session.keep': 'Carry on',
  'session.endedWithDraft': 'The session ended. The poll you were writing is kept: open with the PIN to carry on.',
  'session.endedWithSettings': 'The session ended. The unsaved changes to the settings are kept: open with the PIN to carry on.',
  'session.endedWithOutcome': 'The session ended. The unsaved changes to the outcome are kept: open with the PIN to carry on.',
  'session.outcomeRestored': 'The unsaved changes to the outcome are back. Save them or throw them away.',
  'session.settingsRestored': 'The unsaved changes to the settings are back. Save them or throw them away.',
  'session.draftRestored': 'The poll you were writing is back. Carry on where you left off.',
  'saved.active': 'Poll running – now shown on the kiosk.',
  'saved.draft': 'Poll saved as a draft. The kiosk does not show it until you start it.',
  'saved.settings': 'Settings saved.',
  'leave.question': 'The changes are not saved. Throw them away?',
  'leave.discard': 'Throw away',
  'usb.needStick': 'First put a USB stick into the kiosk. When it is in, press “Look again”.',
  'usb.busy': 'Wait until the export is done.',
  'editor.days': '{days} days',
  'leave.stay': 'Keep editing',
} satisfies Record<StaffTouchKey, string>;
