import type { Messages } from './fi';

export const en = {
  'language.label': 'Language',
  'start.invitation': 'Tell us!',
  'start.hint': 'Tap a face. One tap is enough.',
  'start.quickPoll': 'Quick poll',
  'start.loading': 'One moment, the kiosk is starting…',
  'start.unavailable': 'The kiosk is not working right now. Please tell the staff.',
  'poll.missingTranslation': 'This question is only in Finnish.',
  'poll.send': 'Send',
  'followUp.saved': 'Thank you! Your answer is saved.',
  'followUp.question': 'Would you like to tell us what it was about? You can choose several.',
  'followUp.done': 'Done',
  'followUp.skip': 'Skip',
  'thanks.title': 'Thank you!',
  'thanks.body': 'The client council will go through the answers.',
  'thanks.back': 'Back to start',
  'saveFailed.title': 'Your answer could not be saved',
  'saveFailed.body': 'Please tell the staff. We are sorry!',
  'saveFailed.back': 'Back to start',
  'crash.title': 'Something went wrong',
  'crash.body': 'We will go back to the start in a moment.',
} satisfies Messages;
