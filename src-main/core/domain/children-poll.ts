import { childTemplates } from '../../../src-shared/contract/child-templates';
import { fixedOptions } from '../../../src-shared/contract/poll-kinds';
import type { Poll } from '../../../src-shared/contract/polls';

/**
 * A new kiosk offers the children's way from its first start, so it comes with one children's
 * poll, made from the ready-made template like any quick poll: staff may close or change it.
 */
export function firstChildrenPoll(now: Date): Poll {
  const template = childTemplates['child-playing'];
  return {
    id: 'children-playing',
    version: 1,
    kind: 'child-faces',
    standing: false,
    state: 'active',
    question: Object.fromEntries(Object.entries(template.question).filter(([, text]) => text !== undefined)),
    options: fixedOptions('child-faces') ?? [],
    followUp: null,
    startsAt: null,
    endsAt: null,
    createdAt: now.toISOString(),
  };
}
