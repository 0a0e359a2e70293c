import { DISPLAY_PREFIX_LENGTH, generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret, TOKEN_PREFIX } from './token-secret';

describe('access token secrets', () => {
  it('are iak_ + 43 base62 characters of randomness + a 6-character checksum, and all different', () => {
    const secrets = Array.from({ length: 200 }, generateTokenSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^iak_[0-9A-Za-z]{49}$/);
      expect(isWellFormedTokenSecret(secret)).toBe(true);
    }
    expect(new Set(secrets).size).toBe(200);
    expect(TOKEN_PREFIX).toBe('iak_');
    expect(DISPLAY_PREFIX_LENGTH).toBe(8);
  });

  it('fail the checksum when any character is changed', () => {
    const secret = generateTokenSecret();
    for (const i of [TOKEN_PREFIX.length, 20, secret.length - 7, secret.length - 1]) {
      const swapped = secret[i] === 'a' ? 'b' : 'a';
      const tampered = secret.slice(0, i) + swapped + secret.slice(i + 1);
      expect(isWellFormedTokenSecret(tampered)).toBe(false);
    }
  });

  it.each(['', 'iak_', 'iak_short', `gho_${'a'.repeat(49)}`, `iak_${'a'.repeat(48)}!`, `iak_${'a'.repeat(50)}`])(
    'reject %j as not a token',
    (value) => {
      expect(isWellFormedTokenSecret(value)).toBe(false);
    },
  );

  it('hash to the SHA-256 hex of the whole secret', () => {
    expect(hashTokenSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
