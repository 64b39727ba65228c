/**
 * The keys the parents' screens use: every parents' language file in this folder has exactly
 * these, no more. Finnish, Swedish and English spread theirs into their full files for the staff area.
 */
export const parentKeys = [
  'language.label',
  'display.label',
  'display.contrast',
  'display.largeText',
  'readAloud.button',
  'start.invitation',
  'start.hint',
  'start.quickPoll',
  'start.loading',
  'start.unavailable',
  'poll.missingTranslation',
  'poll.send',
  'poll.write',
  'poll.answerLabel',
  'poll.typeHint',
  'followUp.saved',
  'followUp.question',
  'followUp.done',
  'followUp.skip',
  'followUp.commentLabel',
  'keyboard.label',
  'keyboard.shift',
  'keyboard.space',
  'keyboard.erase',
  'keyboard.done',
  /** The key that switches from the parent's own letters to Latin ones (ABC). */
  'keyboard.latinLetters',
  /** The key that switches back from Latin to the parent's own letters (АБВ); Latin-script languages never show it. */
  'keyboard.ownLetters',
  /** The shift key of a layout without capitals, whose shift layer holds digits and punctuation (Arabic). */
  'keyboard.symbols',
  'thanks.title',
  'thanks.body',
  'thanks.back',
  'saveFailed.title',
  'saveFailed.body',
  'saveFailed.back',
  'crash.title',
  'crash.body',
  /** The picture button on the start screen that opens the children's way. */
  'children.open',
  'children.home',
  'children.thanks',
  /** The speaker button: children's screens read their question aloud again. */
  'children.listen',
  /** Sends the pictures chosen, or the drawing: a big tick. */
  'children.done',
  /** Takes the drawing's last stroke away. */
  'children.undo',
  /** The drawing area, for screen readers. */
  'children.canvas',
  'children.color.black',
  'children.color.red',
  'children.color.blue',
  'children.color.green',
  'children.color.yellow',
] as const;

export type ParentMessageKey = (typeof parentKeys)[number];

export type ParentMessages = Record<ParentMessageKey, string>;
