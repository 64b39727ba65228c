import type { Messages } from './fi';

export const sv = {
  'language.label': 'Språk',
  'start.invitation': 'Berätta för oss!',
  'start.hint': 'Tryck på ett ansikte. Ett tryck räcker.',
  'start.quickPoll': 'Snabbenkät',
  'start.loading': 'Ett ögonblick, kiosken startar…',
  'start.unavailable': 'Kiosken fungerar inte just nu. Berätta det för personalen.',
  'poll.missingTranslation': 'Frågan finns bara på finska.',
  'poll.send': 'Skicka',
  'followUp.saved': 'Tack! Ditt svar är sparat.',
  'followUp.question': 'Vill du berätta vad det gällde? Du kan välja flera.',
  'followUp.done': 'Klar',
  'followUp.skip': 'Hoppa över',
  'thanks.title': 'Tack!',
  'thanks.body': 'Kundrådet går igenom svaren.',
  'thanks.back': 'Till början',
  'saveFailed.title': 'Svaret kunde inte sparas',
  'saveFailed.body': 'Berätta det för personalen. Vi beklagar!',
  'saveFailed.back': 'Till början',
  'crash.title': 'Något gick fel',
  'crash.body': 'Vi går tillbaka till början om en stund.',
} satisfies Messages;
