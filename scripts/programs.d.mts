export function findCommand(name: string, environment?: NodeJS.ProcessEnv): string | null;
export function findChromium(environment?: NodeJS.ProcessEnv): string | null;
export function requireChromium(environment?: NodeJS.ProcessEnv): string;
export const chromiumMissing: string;
