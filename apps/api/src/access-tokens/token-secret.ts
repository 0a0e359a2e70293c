import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Secrets of application access tokens: `iak_` + 32 random bytes in base62 (43 characters) + a
 * 6-character base62 CRC32 of that random part, as GitHub's tokens carry. The fixed prefix lets
 * secret scanners find leaked tokens; the checksum lets them (and the API, before any database
 * lookup) tell a real token from noise.
 */
export const TOKEN_PREFIX = 'iak_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 43; // ceil(256 / log2(62))
const CHECKSUM_LENGTH = 6; // ceil(32 / log2(62))
const SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of the secret lists show: the prefix and 4 random characters, too few to guess from. */
export const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 4;

function base62(value: bigint, length: number): string {
  let out = '';
  const base = BigInt(62);
  for (let n = value; n > BigInt(0); n /= base) out = ALPHABET[Number(n % base)] + out;
  return out.padStart(length, '0');
}

const checksum = (random: string) => base62(BigInt(crc32(random)), CHECKSUM_LENGTH);

export function generateTokenSecret(): string {
  const random = base62(BigInt(`0x${randomBytes(32).toString('hex')}`), RANDOM_LENGTH);
  return `${TOKEN_PREFIX}${random}${checksum(random)}`;
}

/** True when the string has the shape and checksum of a token this API issued. */
export function isWellFormedTokenSecret(secret: string): boolean {
  if (!SHAPE.test(secret)) return false;
  const random = secret.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + RANDOM_LENGTH);
  return secret.slice(-CHECKSUM_LENGTH) === checksum(random);
}

/** What is stored and looked up: the SHA-256 of the secret, hex. A 256-bit secret needs no salt or slow hash. */
export const hashTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
