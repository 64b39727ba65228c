import { Buffer } from 'buffer';

// bc-ur and its CBOR code use Node's Buffer; it must be on globalThis before they load, so
// Scanner.tsx imports this file first.
Reflect.set(globalThis, 'Buffer', Buffer);
