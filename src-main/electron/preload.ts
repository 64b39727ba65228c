import { contextBridge, ipcRenderer } from 'electron';
import type { KerroBridge } from '../../src-shared/contract/bridge';
import type { MethodName } from '../../src-shared/contract/methods';

// Kept in step with the channel prefix in ipc.ts; the preload bundles nothing from the main side.
const invoke = (method: MethodName, input: unknown) => ipcRenderer.invoke(`kerro:${method}`, input);

/** Named functions for exactly the contract's methods; no generic channel reaches the page. */
const bridge = {
  'kiosk.info': (input) => invoke('kiosk.info', input),
  'kiosk.health': (input) => invoke('kiosk.health', input),
  'polls.active': (input) => invoke('polls.active', input),
  'responses.submit': (input) => invoke('responses.submit', input),
  'responses.followUp': (input) => invoke('responses.followUp', input),
} satisfies KerroBridge;

contextBridge.exposeInMainWorld('kerro', bridge);
