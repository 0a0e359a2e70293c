import { HttpStatus } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ApiException } from '../../common/api-exception';
import { APP_CONFIG, loadAppConfig } from '../../config/app-config';
import { generatePassword } from './password-hasher.service';
import {
  loadCommonPasswords,
  PASSWORD_MAX_BYTES,
  PasswordPolicy,
  type PasswordOwner,
  passwordRulesSummary,
} from './password-policy.service';

const TOO_SHORT_15 = 'Password must be at least 15 characters long';
const TOO_LONG = 'Password must be at most 72 bytes (UTF-8); it would be cut off otherwise';
const COMMON = 'This password is too common; choose another';
const PERSONAL = 'Password must not be your email address or name';

const NOBODY: PasswordOwner = {};
const WILHELMINA: PasswordOwner = {
  email: 'Wilhelmina.Schwarzmueller@Example.com',
  firstName: 'Wilhelmina',
  lastName: 'Schwarzmüller',
};

/** The message of the WEAK_PASSWORD refusal, or undefined when the password is accepted. */
function refusalOf(sut: PasswordPolicy, password: string, owner: PasswordOwner = NOBODY): string | undefined {
  try {
    sut.assertAcceptable(password, owner);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiException);
    const error = e as ApiException;
    expect(error.code).toBe('WEAK_PASSWORD');
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    return error.message;
  }
}

describe('PasswordPolicy', () => {
  const sut = new PasswordPolicy(loadAppConfig({}));
  const sut8 = new PasswordPolicy(loadAppConfig({ PASSWORD_MIN_LENGTH: '8' }));

  describe('length', () => {
    it('refuses 14 characters and accepts 15 at the default minimum', () => {
      expect(refusalOf(sut, 'tangerine-kaya')).toBe(TOO_SHORT_15);
      expect(refusalOf(sut, 'tangerine-kayak')).toBeUndefined();
      expect(refusalOf(sut, '')).toBe(TOO_SHORT_15);
    });

    it('takes the minimum from PASSWORD_MIN_LENGTH', () => {
      expect(refusalOf(sut8, 'lq7;zv#')).toBe('Password must be at least 8 characters long');
      expect(refusalOf(sut8, 'lq7;zv#m')).toBeUndefined();
      expect(refusalOf(sut, 'lq7;zv#m')).toBe(TOO_SHORT_15);
    });

    it('counts an emoji as one character, not as its two UTF-16 units', () => {
      expect('🐘'.repeat(14)).toHaveLength(28);
      expect(refusalOf(sut, '🐘'.repeat(14))).toBe(TOO_SHORT_15);
      expect(refusalOf(sut, '🐘'.repeat(15))).toBeUndefined();
    });

    it('counts surrounding spaces: nothing is trimmed', () => {
      expect(refusalOf(sut, ' tangerine-kaya')).toBeUndefined();
      expect(refusalOf(sut, 'tangerine-kaya ')).toBeUndefined();
    });

    it('accepts 72 bytes of UTF-8 and refuses 73', () => {
      const ascii72 = 'Orbit lantern velvet quarry 47 / mango cascade hinge ember thistle ok!!!';
      expect(Buffer.byteLength(ascii72)).toBe(PASSWORD_MAX_BYTES);
      expect(refusalOf(sut, ascii72)).toBeUndefined();
      expect(refusalOf(sut, `${ascii72}x`)).toBe(TOO_LONG);
    });

    it('measures the maximum in bytes: 24 × € (72 bytes) pass, 25 × € (75 bytes, 25 characters) do not', () => {
      expect(Buffer.byteLength('€'.repeat(24))).toBe(72);
      expect(refusalOf(sut, '€'.repeat(24))).toBeUndefined();
      expect(refusalOf(sut, '€'.repeat(25))).toBe(TOO_LONG);
      expect(refusalOf(sut, `${'€'.repeat(23)}abc`)).toBeUndefined();
      expect(refusalOf(sut, `${'€'.repeat(23)}abcd`)).toBe(TOO_LONG);
    });
  });

  describe('composition', () => {
    it('has no composition rules: lower-case letters and spaces only are fine', () => {
      expect(refusalOf(sut, 'correct horse battery staple')).toBeUndefined();
    });

    it('accepts any characters', () => {
      expect(refusalOf(sut, 'Ünïcødé ✓ 密码 пароль \t ☃')).toBeUndefined();
    });

    it('accepts a generated password', () => {
      const generated = generatePassword();
      expect(refusalOf(sut, generated)).toBeUndefined();
      expect(refusalOf(sut, generated, WILHELMINA)).toBeUndefined();
    });
  });

  describe('common passwords', () => {
    const list = loadCommonPasswords();

    it('loads a list of at least 10,000 common passwords, once', () => {
      expect(list.size).toBeGreaterThanOrEqual(10_000);
      expect(loadCommonPasswords()).toBe(list);
    });

    it('is the list that @zxcvbn-ts/language-common exports as its common passwords', () => {
      const exported: string[] = dictionary['passwords-common'];
      expect(list.size).toBe(new Set(exported).size);
      expect(exported.every((p) => list.has(p))).toBe(true);
    });

    it('refuses entries of the list that are long enough for the minimum, in any case', () => {
      const longEntries = [...list].filter((p) => [...p].length >= 15 && Buffer.byteLength(p) <= PASSWORD_MAX_BYTES);
      expect(longEntries).toEqual(expect.arrayContaining(['123456789qwerty', 'passwordpassword', '1qaz2wsx3edc4rfv']));
      for (const entry of longEntries) {
        expect(refusalOf(sut, entry)).toBe(COMMON);
      }
      expect(refusalOf(sut, 'PasswordPassword')).toBe(COMMON);
      expect(refusalOf(sut, 'QWERTY123456789')).toBe(COMMON);
      expect(refusalOf(sut, '1QAZ2wsx3EDC4rfv')).toBe(COMMON);
    });

    it('refuses short entries when the minimum allows them', () => {
      expect(list.has('baseball')).toBe(true);
      expect(refusalOf(sut8, 'baseball')).toBe(COMMON);
      expect(refusalOf(sut8, 'BaseBall')).toBe(COMMON);
      expect(refusalOf(sut8, 'Passw0rd')).toBe(COMMON);
    });

    it('compares after NFKC: full-width letters are the same password', () => {
      const fullWidth = 'ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ';
      expect(fullWidth).not.toBe('passwordpassword');
      expect(refusalOf(sut, fullWidth)).toBe(COMMON);
    });

    it('refuses only equal passwords, not ones that contain an entry', () => {
      expect(refusalOf(sut, 'passwordpassword!')).toBeUndefined();
      expect(refusalOf(sut, 'my baseball glove is red')).toBeUndefined();
    });
  });

  describe('the user’s own email and name', () => {
    it.each([
      ['the email', 'Wilhelmina.Schwarzmueller@Example.com'],
      ['the email in another case', 'wilhelmina.schwarzmueller@example.com'],
      ['the local part of the email', 'wilhelmina.schwarzmueller'],
      ['the first name', 'WILHELMINA'],
      ['the last name', 'schwarzmüller'],
      ['the full name', 'Wilhelmina Schwarzmüller'],
      ['the full name without the space', 'wilhelminaschwarzmüller'],
      ['the full name last name first', 'Schwarzmüller Wilhelmina'],
      ['the full name with a decomposed ü (NFKC)', 'Wilhelmina Schwarzmu\u0308ller'],
    ])('refuses %s', (_what, password) => {
      expect(refusalOf(sut8, password, WILHELMINA)).toBe(PERSONAL);
    });

    it('accepts them for someone else', () => {
      expect(refusalOf(sut8, 'Wilhelmina Schwarzmüller')).toBeUndefined();
      expect(
        refusalOf(sut8, 'Wilhelmina Schwarzmüller', { email: 'ops@example.com', firstName: 'Ada', lastName: 'Lovelace' }),
      ).toBeUndefined();
    });

    it('accepts a password that only contains the name', () => {
      expect(refusalOf(sut, 'wilhelmina likes long walks', WILHELMINA)).toBeUndefined();
    });

    it('ignores the context’s surrounding spaces but not the password’s', () => {
      const padded = { email: '  wilhelmina.schwarzmueller@example.com ', firstName: ' Wilhelmina ', lastName: ' Schwarzmüller ' };
      expect(refusalOf(sut, 'Wilhelmina Schwarzmüller', padded)).toBe(PERSONAL);
      expect(refusalOf(sut, 'Wilhelmina Schwarzmüller ', padded)).toBeUndefined();
    });

    it('still applies the length rule first', () => {
      expect(refusalOf(sut, 'Wilhelmina', WILHELMINA)).toBe(TOO_SHORT_15);
    });
  });

  it('is injectable with the app config', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [PasswordPolicy, { provide: APP_CONFIG, useValue: loadAppConfig({ PASSWORD_MIN_LENGTH: '20' }) }],
    }).compile();
    const injected = moduleRef.get(PasswordPolicy);
    expect(refusalOf(injected, 'tangerine-kayak')).toBe('Password must be at least 20 characters long');
    expect(refusalOf(injected, 'tangerine-kayak-paddle')).toBeUndefined();
  });
});

describe('passwordRulesSummary', () => {
  it('states the rules with the configured minimum', () => {
    expect(passwordRulesSummary(15)).toBe('At least 15 characters, at most 72 bytes; not a common password or your own name or email.');
    expect(passwordRulesSummary(8)).toBe('At least 8 characters, at most 72 bytes; not a common password or your own name or email.');
  });
});
