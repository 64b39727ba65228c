// `node --import ./node-20-register.mjs`: puts node-20-hooks.mjs in place in this thread and, as
// workers inherit the flag, in each worker thread the store bench starts.
import { register } from 'node:module';

register('./node-20-hooks.mjs', import.meta.url);
