/** SHA-256 in lowercase hex with the browser's own crypto (file:// and 127.0.0.1 count as secure). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Bytes over a plain ArrayBuffer (all but shared memory) are hashed where they lie: a batch is megabytes, and a copy costs as much as the hash.
  const { buffer } = bytes;
  const source = buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : Uint8Array.from(bytes);
  const digest = await crypto.subtle.digest('SHA-256', source);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
