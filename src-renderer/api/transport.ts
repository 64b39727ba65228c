import type { KerroBridge } from '../../src-shared/contract/bridge';
import { createClient, type Client, type Transport } from '../../src-shared/contract/client';

declare global {
  interface Window {
    /** Present only inside the Electron shell, put there by its preload. */
    kerro?: KerroBridge;
  }
}

function ipcTransport(bridge: KerroBridge): Transport {
  return (method, input, staffToken) => bridge[method](input, staffToken);
}

const httpTransport: Transport = async (method, input, staffToken) => {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-kerro-client': '1',
      ...(staffToken === null ? {} : { 'x-kerro-staff-token': staffToken }),
    },
    body: JSON.stringify(input),
  });
  return response.json();
};

/** The one way the screens reach the main side: Electron's bridge where present, HTTP otherwise. */
export const client: Client = createClient(window.kerro === undefined ? httpTransport : ipcTransport(window.kerro));
