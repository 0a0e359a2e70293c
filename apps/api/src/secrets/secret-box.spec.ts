import { randomBytes } from 'node:crypto';
import { keyIdOf, SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const sut = new SecretBox(key);
  const context = 'providers:6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90:api_key';
  const secret = 'sk-live-0123456789abcdefghijklmnopqrstuvwxyz';

  /** Replaces part `index` of a sealed value (`v1:kid:iv:tag:ct`). */
  const withPart = (sealed: string, index: number, change: (bytes: Buffer) => Buffer): string => {
    const parts = sealed.split(':');
    parts[index] = change(Buffer.from(parts[index], 'base64url')).toString('base64url');
    return parts.join(':');
  };
  const flipFirstBit = (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    copy[0] ^= 1;
    return copy;
  };

  it('opens what it sealed, for the same context', () => {
    const sealed = sut.seal(secret, context);
    expect(sut.open(sealed, context)).toBe(secret);
    expect(sut.open(sut.seal('ключ 🔑', context), context)).toBe('ключ 🔑');
    expect(sut.open(sut.seal('', context), context)).toBe('');
  });

  it('writes the format, the key id, a 12-byte IV and a 16-byte tag, and never the plaintext', () => {
    const sealed = sut.seal(secret, context);
    const [format, keyId, iv, tag, ciphertext] = sealed.split(':');
    expect(format).toBe('v1');
    expect(keyId).toBe(keyIdOf(key));
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(Buffer.byteLength(secret));
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(key.toString('hex'));
  });

  it('uses a fresh IV every time', () => {
    const ivs = new Set(Array.from({ length: 50 }, () => sut.seal(secret, context).split(':')[2]));
    expect(ivs.size).toBe(50);
  });

  it.each([
    ['ciphertext', 4],
    ['tag', 3],
    ['iv', 2],
  ])('refuses a value whose %s was altered', (_, index) => {
    const tampered = withPart(sut.seal(secret, context), index, flipFirstBit);
    expect(() => sut.open(tampered, context)).toThrow(SecretBoxError);
  });

  it('refuses a value sealed for another context (another row or field)', () => {
    const sealed = sut.seal(secret, context);
    expect(() => sut.open(sealed, 'providers:00000000-0000-4000-8000-000000000000:api_key')).toThrow(
      'The sealed value does not authenticate (altered, or sealed for another record)',
    );
  });

  it('refuses a value sealed with another key, naming only the key id', () => {
    const other = new SecretBox(randomBytes(32));
    const sealed = other.seal(secret, context);
    expect(() => sut.open(sealed, context)).toThrow(/^Sealed with another key \(key id [0-9a-f]{8}\)$/);
    // The same value with the key id rewritten to ours still fails: the id is authenticated and the key differs.
    const relabelled = ['v1', keyIdOf(key), ...sealed.split(':').slice(2)].join(':');
    expect(() => sut.open(relabelled, context)).toThrow(SecretBoxError);
  });

  it.each(['', 'plain text', 'v2:abcd1234:a:b:c', 'v1:x:y', `v1:${keyIdOf(key)}:AAAA:AAAA:AAAA`])(
    'refuses the malformed value %j',
    (value) => {
      expect(() => sut.open(value, context)).toThrow(SecretBoxError);
    },
  );

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('SecretBox needs a 32-byte key');
  });
});
