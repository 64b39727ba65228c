import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { list as listDrives } from 'drivelist';
import { app, ipcMain, net, powerSaveBlocker, protocol, session } from 'electron';
import { contentSecurityPolicy } from '../core/content-security-policy';
import { combineTargets, DriveWatcher } from '../core/stick/removable-drives';
import { configuredTargets } from '../core/stick/targets';
import { openKiosk } from '../core/kiosk';
import { createStderrLogger } from '../core/logger';
import { resolveAppFile } from './app-files';
import { applyKioskSwitches } from './chromium-switches';
import { registerMethods } from './ipc';
import { createKioskWindow, lockDownContents } from './kiosk-window';
import { createWindowPrinter } from './print-window';
import { appScheme } from './security';
import { WakeLock } from './wake-lock';

const logger = createStderrLogger();
const isDevelopment = !app.isPackaged && process.env.KERRO_DEVELOPMENT === '1';

applyKioskSwitches(app.commandLine);
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  const dataDir = process.env.KERRO_DATA_DIR ?? app.getPath('userData');
  // USB sticks the OS has mounted, and any folder named in KERRO_EXPORT_DIRS (a network share, say).
  const drives = new DriveWatcher({ list: listDrives, logger });
  const kiosk = await openKiosk({
    dataDir,
    version: app.getVersion(),
    logger,
    receiverDir: join(__dirname, '..', 'receiver'),
    exportTargets: combineTargets(drives.targets, configuredTargets()),
    pdfPrinter: createWindowPrinter(),
  });
  const rendererRoot = join(__dirname, '..', 'renderer');

  // Every permission (camera, notifications, geolocation...) is refused unless a feature asks for it here.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', contentSecurityPolicy);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  registerMethods(ipcMain, kiosk);
  const readHours = () =>
    kiosk.handlers['kiosk.info']({}, { transport: 'ipc', staffToken: null }).then(
      (info) => info.openingHours,
      () => null,
    );
  new WakeLock(powerSaveBlocker, readHours).start();
  createKioskWindow(join(__dirname, 'preload.cjs'), isDevelopment, logger);
  app.on('window-all-closed', () => {
    drives.stop();
    void kiosk.close().then(() => app.quit());
  });
}

/** A fault in the main process restarts the app rather than leave a frozen screen behind. */
function fail(error: unknown): void {
  logger.error('main.failed', { message: String(error) });
  app.relaunch();
  app.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
