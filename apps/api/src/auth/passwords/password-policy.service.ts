import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
// Type only: the package's own (compressed) copy of the list is not loaded at run time. The import
// also lets Nx see the dependency and list it in the package.json it generates for dist/apps/api.
import type { dictionary } from '@zxcvbn-ts/language-common';
import { ApiException } from '../../common/api-exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** bcrypt reads at most 72 bytes: longer passwords are refused rather than silently cut off. */
export const PASSWORD_MAX_BYTES = 72;

/** Who the password is for: it must not be their email address or name. */
export interface PasswordOwner {
  email?: string;
  firstName?: string;
  lastName?: string;
}

/**
 * The common-password list of `@zxcvbn-ts/language-common` (49,233 entries in 4.1.3, from leaked-password
 * corpora): the plain JSON array behind its `dictionary['passwords-common']`. Resolved by package name at
 * run time, so that the webpack bundle (node_modules external) reads it from node_modules. Through
 * `createRequire` because webpack rewrites a bare `require.resolve` into its own module ids.
 */
const COMMON_PASSWORDS_FILE = '@zxcvbn-ts/language-common/src/passwords.json';
type CommonPasswordList = (typeof dictionary)['passwords-common'];

let commonPasswords: ReadonlySet<string> | undefined;

/** What the comparison checks compare: NFKC, lower-case. Never applied to what is hashed. */
function comparable(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** The common-password list, read on first use and kept for the life of the process. */
export function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    const file = createRequire(__filename).resolve(COMMON_PASSWORDS_FILE);
    const entries = JSON.parse(readFileSync(file, 'utf8')) as CommonPasswordList;
    if (!Array.isArray(entries)) throw new Error(`${file} is not a list of passwords`);
    commonPasswords = new Set(entries.filter((e) => typeof e === 'string').map(comparable));
  }
  return commonPasswords;
}

/** A short sentence describing the rules, for forms and API docs. */
export function passwordRulesSummary(minLength: number): string {
  return `At least ${minLength} characters, at most ${PASSWORD_MAX_BYTES} bytes; not a common password or your own name or email.`;
}

/**
 * The password rules of SPEC §4 (NIST SP 800-63B-4, single-factor password): a minimum length in
 * Unicode code points, bcrypt's 72-byte maximum, no composition rules, not a common password, not
 * the user's email or name. The password itself is never trimmed or normalised.
 */
@Injectable()
export class PasswordPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws `WEAK_PASSWORD` (400) naming the first rule the password breaks. */
  assertAcceptable(password: string, owner: PasswordOwner): void {
    const problem = this.findProblem(password, owner);
    if (problem) throw new ApiException('WEAK_PASSWORD', HttpStatus.BAD_REQUEST, problem);
  }

  private findProblem(password: string, owner: PasswordOwner): string | undefined {
    const minLength = this.config.passwordMinLength;
    // Code points, not UTF-16 units: an emoji is one character (NIST SP 800-63B-4 §3.1.1.2).
    if ([...password].length < minLength) return `Password must be at least ${minLength} characters long`;
    if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
      return `Password must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8); it would be cut off otherwise`;
    }
    const candidate = comparable(password);
    if (loadCommonPasswords().has(candidate)) return 'This password is too common; choose another';
    if (personalValues(owner).has(candidate)) return 'Password must not be your email address or name';
    return undefined;
  }
}

/** The email, its local part, and the names alone and together, in comparable form. */
function personalValues({ email, firstName, lastName }: PasswordOwner): Set<string> {
  const mail = email?.trim() ?? '';
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  const values = [mail, mail.slice(0, Math.max(mail.lastIndexOf('@'), 0)), first, last];
  if (first && last) values.push(`${first} ${last}`, `${first}${last}`, `${last} ${first}`, `${last}${first}`);
  return new Set(values.filter((v) => v !== '').map(comparable));
}
