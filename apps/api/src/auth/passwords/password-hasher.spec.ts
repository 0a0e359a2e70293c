import { loadAppConfig } from '../../config/app-config';
import { generatePassword, PasswordHasher } from './password-hasher.service';

describe('PasswordHasher', () => {
  const sut = new PasswordHasher({ ...loadAppConfig({}), bcryptCost: 5 });

  it('hashes with the configured cost and verifies', async () => {
    const hash = await sut.hash('a long enough password');
    expect(hash).toMatch(/^\$2b\$05\$/);
    await expect(sut.verify('a long enough password', hash)).resolves.toBe(true);
    await expect(sut.verify('a long enough passworD', hash)).resolves.toBe(false);
  });

  it('spends one compare against a real hash of the same cost for an unknown email', async () => {
    // Cost 10 is 2^10 rounds of Blowfish setup: well over 10 ms on any CPU. A lower bound only,
    // so a busy machine cannot make it fail; a skipped compare would take microseconds.
    const slow = new PasswordHasher({ ...loadAppConfig({}), bcryptCost: 10 });
    slow.onModuleInit();
    await slow.verifyAgainstNothing('warm-up');
    const started = process.hrtime.bigint();
    await expect(slow.verifyAgainstNothing('anything')).resolves.toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThan(10);
  });

  it('generates 20-character passwords from a CSPRNG, all different', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    expect(passwords.every((p) => p.length === 20)).toBe(true);
    expect(new Set(passwords).size).toBe(200);
    expect(passwords.join('')).not.toMatch(/[O0Il1]/);
  });
});
