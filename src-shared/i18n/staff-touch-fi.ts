/** The staff area under a finger: the session's warning, drafts kept, saves confirmed, changes not thrown away unasked. */
export const staffTouchFi = {
  'session.endingSoon': 'Istunto päättyy {seconds} sekunnin kuluttua. Kosketa näyttöä, niin jatkat.',
  'session.keep': 'Jatka',
  'session.endedWithDraft': 'Istunto päättyi. Keskeneräinen kysely on tallessa: avaa PIN-koodilla, niin jatkat siitä.',
  'session.endedWithSettings': 'Istunto päättyi. Tallentamattomat asetusten muutokset ovat tallessa: avaa PIN-koodilla, niin jatkat siitä.',
  'session.endedWithOutcome': 'Istunto päättyi. Tallentamattomat tuloksen muutokset ovat tallessa: avaa PIN-koodilla, niin jatkat siitä.',
  'session.outcomeRestored': 'Tallentamattomat tuloksen muutokset palautettiin. Tallenna ne tai heitä pois.',
  'session.settingsRestored': 'Tallentamattomat asetusten muutokset palautettiin. Tallenna ne tai heitä pois.',
  'session.draftRestored': 'Keskeneräinen kysely palautettiin. Jatka siitä, mihin jäit.',
  'saved.active': 'Kysely käynnissä – näkyy nyt kioskissa.',
  'saved.draft': 'Kysely tallennettu luonnoksena. Se ei näy kioskissa ennen kuin käynnistät sen.',
  'saved.settings': 'Asetukset tallennettu.',
  'leave.question': 'Muutoksia ei ole tallennettu. Heitetäänkö ne pois?',
  'leave.discard': 'Heitä pois',
  'usb.needStick': 'Kiinnitä ensin muistitikku kioskiin. Kun se on paikallaan, paina ”Etsi uudelleen”.',
  'usb.busy': 'Odota, kunnes vienti on valmis.',
  'editor.days': '{days} päivää',
  'leave.stay': 'Jatka muokkausta',
} as const;

export type StaffTouchKey = keyof typeof staffTouchFi;
