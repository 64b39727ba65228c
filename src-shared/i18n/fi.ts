/** Finnish is the source of every key; the other languages must have exactly the same keys. */
export const fi = {
  'language.label': 'Kieli',
  'start.invitation': 'Kerro meille!',
  'start.hint': 'Napauta kasvoa. Yksi napautus riittää.',
  'start.quickPoll': 'Pikakysely',
  'start.loading': 'Hetki, kioski käynnistyy…',
  'start.unavailable': 'Kioski ei juuri nyt toimi. Kerro asiasta henkilökunnalle.',
  'poll.missingTranslation': 'Kysymys on vain suomeksi.',
  'poll.send': 'Lähetä',
  'followUp.saved': 'Kiitos! Vastauksesi on tallessa.',
  'followUp.question': 'Haluatko kertoa, mistä oli kyse? Voit valita monta.',
  'followUp.done': 'Valmis',
  'followUp.skip': 'Ohita',
  'thanks.title': 'Kiitos!',
  'thanks.body': 'Asiakasraati käy vastaukset läpi.',
  'thanks.back': 'Alkuun',
  'saveFailed.title': 'Vastausta ei voitu tallentaa',
  'saveFailed.body': 'Kerro asiasta henkilökunnalle. Pahoittelemme!',
  'saveFailed.back': 'Alkuun',
  'crash.title': 'Jokin meni vikaan',
  'crash.body': 'Palaamme alkuun hetken päästä.',
} as const;

export type MessageKey = keyof typeof fi;
export type Messages = Record<MessageKey, string>;
