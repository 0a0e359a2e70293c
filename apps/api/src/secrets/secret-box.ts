import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: wrong key, wrong context, altered or malformed. Carries no secret. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/** A short, non-secret name of a key (HMAC of a fixed label), so a sealed value says which key it needs. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('interakt secret-box key id').digest('hex').slice(0, 8);
}

/**
 * Authenticated encryption of small secrets at rest (provider API keys): AES-256-GCM with a
 * random 12-byte IV per value and a 16-byte tag.
 *
 * A sealed value is text: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). `v1` names
 * this format and the key id names the key, so a later key rotation can tell which values still
 * need the old key. The caller's `context` (e.g. `providers:<id>:api_key`) and the header are
 * authenticated as additional data: a value copied to another row or field does not open.
 */
export class SecretBox {
  private readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`SecretBox needs a ${KEY_BYTES}-byte key`);
    this.keyId = keyIdOf(key);
  }

  seal(plaintext: string, context: string): string {
    const header = `${FORMAT}:${this.keyId}`;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(header, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [header, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  open(sealed: string, context: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== FORMAT) throw new SecretBoxError('Not a sealed value of a known format');
    const [format, keyId, iv, tag, ciphertext] = parts;
    if (keyId !== this.keyId) throw new SecretBoxError(`Sealed with another key (key id ${keyId})`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('Malformed sealed value');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(`${format}:${keyId}`, context));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // GCM's "unable to authenticate data": altered, or sealed for another context.
      throw new SecretBoxError('The sealed value does not authenticate (altered, or sealed for another record)');
    }
  }
}

function additionalData(header: string, context: string): Buffer {
  return Buffer.from(`${header}\u0000${context}`, 'utf8');
}
