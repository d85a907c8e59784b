// Bytes as URL-safe base64 without padding (RFC 4648 section 5): the alphabet a URL hash keeps as
// it is, so a link survives mail clients, chat programs and copy-paste.

const ALPHABET = /^[A-Za-z0-9_-]*$/;
/** btoa/atob take "binary strings"; a spread of a whole large array would overflow the stack. */
const CHUNK = 0x8000;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or null when the text is not base64url (a character outside the alphabet, a cut in mid-byte). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
