import { settingsViewSchema } from '../../src-shared/contract/settings';
import type { RunningKerro } from './browser-shell';
import { e2eStaffPin } from './browser-shell';

/** Calls one API method over the browser shell's HTTP transport, as the screens do; fails the test on a refusal. */
export async function callApi(kerro: Pick<RunningKerro, 'url'>, method: string, input: unknown, staffToken: string | null = null): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-kerro-client': '1' };
  if (staffToken !== null) headers['x-kerro-staff-token'] = staffToken;
  const response = await fetch(`${kerro.url}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const body: unknown = await response.json();
  if (!isSuccess(body)) throw new Error(`${method} was refused: ${JSON.stringify(body)}`);
  return body.value;
}

/** A parent's answer to the standing question, as the start screen sends it. */
export async function submitStandingAnswer(kerro: Pick<RunningKerro, 'url'>, optionId: string): Promise<void> {
  await callApi(kerro, 'responses.submit', { pollId: 'council-feedback', pollVersion: 1, answer: { optionIds: [optionId] }, language: 'fi' });
}

export async function unlockOverHttp(kerro: RunningKerro): Promise<string> {
  const value = await callApi(kerro, 'staff.unlock', { pin: e2eStaffPin });
  if (typeof value !== 'object' || value === null || !('token' in value) || typeof value.token !== 'string') throw new Error('No staff token');
  return value.token;
}

function isSuccess(body: unknown): body is { ok: true; value: unknown } {
  return typeof body === 'object' && body !== null && 'ok' in body && body.ok === true && 'value' in body;
}

/** Changes the kiosk's settings as the staff settings screen would, keeping the rest as they are. */
export async function updateSettings(kerro: RunningKerro, changes: { idleSeconds?: number; thanksSeconds?: number }): Promise<void> {
  const token = await unlockOverHttp(kerro);
  const { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds } = settingsViewSchema.parse(await callApi(kerro, 'settings.get', {}, token));
  await callApi(kerro, 'settings.update', { siteName, languages, defaultLanguage, idleSeconds, thanksSeconds, ...changes }, token);
}
