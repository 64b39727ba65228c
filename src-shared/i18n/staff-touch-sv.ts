import type { StaffTouchKey } from './staff-touch-fi';

export const staffTouchSv = {
  'session.endingSoon': 'Sessionen tar slut om {seconds} sekunder. Rör vid skärmen för att fortsätta.',
  'session.keep': 'Fortsätt',
  'session.endedWithDraft': 'Sessionen tog slut. Den påbörjade enkäten finns kvar: öppna med PIN-koden för att fortsätta.',
  'session.endedWithSettings': 'Sessionen tog slut. De osparade ändringarna i inställningarna finns kvar: öppna med PIN-koden för att fortsätta.',
  'session.endedWithOutcome': 'Sessionen tog slut. De osparade ändringarna i resultatet finns kvar: öppna med PIN-koden för att fortsätta.',
  'session.outcomeRestored': 'De osparade ändringarna i resultatet har återställts. Spara dem eller kasta dem.',
  'session.settingsRestored': 'De osparade ändringarna i inställningarna har återställts. Spara dem eller kasta dem.',
  'session.draftRestored': 'Den påbörjade enkäten har återställts. Fortsätt där du slutade.',
  'saved.active': 'Enkäten är igång – syns nu i kiosken.',
  'saved.draft': 'Enkäten sparades som utkast. Den syns inte i kiosken förrän du startar den.',
  'saved.settings': 'Inställningarna har sparats.',
  'leave.question': 'Ändringarna är inte sparade. Ska de kastas?',
  'leave.discard': 'Kasta',
  'usb.needStick': 'Sätt först in ett USB-minne i kiosken. När det sitter i, tryck på ”Sök igen”.',
  'usb.busy': 'Vänta tills exporten är klar.',
  'editor.days': '{days} dagar',
  'leave.stay': 'Fortsätt redigera',
} satisfies Record<StaffTouchKey, string>;
