/**
 * Children answer on their own, by pictures and voice, through their own way in from the start
 * screen. A poll of a children's kind is shown there and nowhere else, and each answer to it
 * carries `audience: "child"`, so results count children apart from adults.
 */
export const childPollKinds = ['child-faces', 'child-thumbs', 'child-weather', 'child-pictures', 'child-drawing'] as const;
export type ChildPollKind = (typeof childPollKinds)[number];

export const audiences = ['adult', 'child'] as const;
export type Audience = (typeof audiences)[number];

export function isChildKind(kind: string): kind is ChildPollKind {
  return (childPollKinds as readonly string[]).includes(kind);
}

/** The children's kinds answered by one picture on a scale, worst first, with fixed pictures. */
export const childScaleKinds = ['child-faces', 'child-thumbs', 'child-weather'] as const;
export type ChildScaleKind = (typeof childScaleKinds)[number];

export function audienceOfKind(kind: string): Audience {
  return isChildKind(kind) ? 'child' : 'adult';
}

/** Answers kept before audiences existed, and lines that leave it out, are adults'. */
export function audienceOf(answer: { audience?: Audience | undefined }): Audience {
  return answer.audience ?? 'adult';
}
