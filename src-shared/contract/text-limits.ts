// Apart from the poll schemas so that the parents' text screens, which only show these limits,
// do not bring zod along.

export const textLimits = { question: 200, option: 80, comment: 500 } as const;
