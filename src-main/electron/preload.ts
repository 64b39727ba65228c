import { contextBridge, ipcRenderer } from 'electron';
import type { KerroBridge } from '../../src-shared/contract/bridge';
import type { MethodName } from '../../src-shared/contract/methods';

// Kept in step with the channel prefix in ipc.ts; the preload bundles nothing from the main side.
const invoke = (method: MethodName, input: unknown, staffToken: string | null = null) =>
  ipcRenderer.invoke(`kerro:${method}`, input, staffToken);

/** Named functions for exactly the contract's methods; no generic channel reaches the page. */
const bridge = {
  'kiosk.info': (input) => invoke('kiosk.info', input),
  'kiosk.health': (input) => invoke('kiosk.health', input),
  'polls.active': (input) => invoke('polls.active', input),
  'responses.submit': (input) => invoke('responses.submit', input),
  'responses.followUp': (input) => invoke('responses.followUp', input),
  'staff.status': (input, staffToken) => invoke('staff.status', input, staffToken),
  'staff.setup': (input, staffToken) => invoke('staff.setup', input, staffToken),
  'staff.unlock': (input, staffToken) => invoke('staff.unlock', input, staffToken),
  'staff.keepAlive': (input, staffToken) => invoke('staff.keepAlive', input, staffToken),
  'staff.takeDraft': (input, staffToken) => invoke('staff.takeDraft', input, staffToken),
  'staff.lock': (input, staffToken) => invoke('staff.lock', input, staffToken),
  'staff.changePin': (input, staffToken) => invoke('staff.changePin', input, staffToken),
  'staff.overview': (input, staffToken) => invoke('staff.overview', input, staffToken),
  'polls.save': (input, staffToken) => invoke('polls.save', input, staffToken),
  'polls.setState': (input, staffToken) => invoke('polls.setState', input, staffToken),
  'results.poll': (input, staffToken) => invoke('results.poll', input, staffToken),
  'settings.get': (input, staffToken) => invoke('settings.get', input, staffToken),
  'settings.update': (input, staffToken) => invoke('settings.update', input, staffToken),
  'exports.targets': (input, staffToken) => invoke('exports.targets', input, staffToken),
  'exports.batches': (input, staffToken) => invoke('exports.batches', input, staffToken),
  'exports.run': (input, staffToken) => invoke('exports.run', input, staffToken),
  'exports.reexport': (input, staffToken) => invoke('exports.reexport', input, staffToken),
  'exports.progress': (input, staffToken) => invoke('exports.progress', input, staffToken),
  'exports.qrFrames': (input, staffToken) => invoke('exports.qrFrames', input, staffToken),
  'polls.previewPack': (input, staffToken) => invoke('polls.previewPack', input, staffToken),
  'polls.importPack': (input, staffToken) => invoke('polls.importPack', input, staffToken),
  'polls.exportPack': (input, staffToken) => invoke('polls.exportPack', input, staffToken),
  'outcomes.current': (input) => invoke('outcomes.current', input),
  'outcomes.list': (input, staffToken) => invoke('outcomes.list', input, staffToken),
  'outcomes.save': (input, staffToken) => invoke('outcomes.save', input, staffToken),
  'outcomes.remove': (input, staffToken) => invoke('outcomes.remove', input, staffToken),
  'reports.council': (input, staffToken) => invoke('reports.council', input, staffToken),
} satisfies KerroBridge;

contextBridge.exposeInMainWorld('kerro', bridge);
