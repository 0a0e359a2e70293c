/** Keys shorter than this show nothing but `…`: 3 + 4 revealed characters would leave too little hidden. */
export const MIN_LENGTH_TO_REVEAL = 20;
const ELLIPSIS = '…';

/**
 * The only form in which an API key leaves the API: at most its first 3 and last 4 characters,
 * e.g. `sk-…a1b2`, so an admin can tell keys apart; a short key shows only `…`. Computed once when
 * the key is written and stored beside the ciphertext, so listing never decrypts.
 */
export function maskApiKey(key: string): string {
  const chars = Array.from(key);
  if (chars.length < MIN_LENGTH_TO_REVEAL) return ELLIPSIS;
  return `${chars.slice(0, 3).join('')}${ELLIPSIS}${chars.slice(-4).join('')}`;
}
