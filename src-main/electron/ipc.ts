import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../src-shared/contract/methods';
import { fail } from '../../src-shared/contract/result';
import { dispatch } from '../core/api/dispatch';
import type { Kiosk } from '../core/kiosk';
import { isTrustedSender } from './security';

export const channelPrefix = 'kerro:';

/** One handler per contract method; each checks who is calling before the core sees anything. */
export function registerMethods(ipcMain: IpcMain, kiosk: Kiosk): void {
  for (const method of methodNames) {
    ipcMain.handle(`${channelPrefix}${method}`, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const sender = frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
      if (!isTrustedSender(sender)) return fail('forbidden', 'Calls are accepted from the kiosk page only');
      return dispatch(kiosk.handlers, method, input, { transport: 'ipc', staffToken: null }, kiosk.logger);
    });
  }
}
