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
    ipcMain.handle(`${channelPrefix}${method}`, (event: IpcMainInvokeEvent, input: unknown, staffToken: unknown) => {
      const frame = event.senderFrame;
      const sender = frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
      if (!isTrustedSender(sender)) return fail('forbidden', 'Calls are accepted from the kiosk page only');
      // The page holds its staff token as it does over HTTP; the core decides whether it is valid.
      const token = typeof staffToken === 'string' && staffToken.length <= 128 ? staffToken : null;
      return dispatch(kiosk, method, input, { transport: 'ipc', staffToken: token });
    });
  }
}
