import { GOOD_PASSWORD } from './auth-helpers';
import { TEST_ENV, type CapturedResponse } from './http-app';

/**
 * SPEC §3.5 over the bodies a spec file's apps sent (test/no-secrets.setup.ts runs it after every
 * file): no password hash, no token hash, no plain provider key, no ciphertext column, no password
 * a test typed, and an access token secret only in the response that created it.
 */
export const PLAIN_PROVIDER_KEY_MARK = 'sk-plain-';

const FORBIDDEN: [string, RegExp][] = [
  ['a bcrypt hash', /\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}/],
  ['a SHA-256 hex digest (token hash)', /(^|[^0-9a-f])[0-9a-f]{64}([^0-9a-f]|$)/],
  ['a plain provider API key', new RegExp(PLAIN_PROVIDER_KEY_MARK)],
  // A provider's apiKey leaves the API only masked ("sk-…a1b2", "…") or null.
  ['an unmasked apiKey', /"apiKey":"(?![^"]{0,3}…[^"]{0,4}")[^"]*"/],
  [
    'a secret column',
    /"(password_?hash|passwordHash|token_?hash|tokenHash|api_?key_?(ciphertext|encrypted)|apiKey(Ciphertext|Encrypted)|ciphertext)"/i,
  ],
  ['a password typed in a test', new RegExp(`${GOOD_PASSWORD}|${TEST_ENV.ADMIN_PASSWORD}`)],
];

const TOKEN_SECRET = /iak_[0-9A-Za-z]{49}/;
const createsToken = (r: { method: string; url: string; status: number }) =>
  r.method === 'POST' && r.url.split('?')[0] === '/api/access-tokens' && r.status === 201;

/** One line per response and secret found; empty when there is none. */
export function secretsIn(responses: readonly CapturedResponse[]): string[] {
  const leaks: string[] = [];
  for (const response of responses) {
    for (const [what, pattern] of FORBIDDEN) {
      if (pattern.test(response.body)) leaks.push(`${response.method} ${response.url} (${response.status}) contains ${what}`);
    }
    if (TOKEN_SECRET.test(response.body) && !createsToken(response)) {
      leaks.push(`${response.method} ${response.url} (${response.status}) contains an access token secret`);
    }
  }
  return leaks;
}

/**
 * Why the scan would be vacuous: the file's apps received requests (counted by the HTTP server,
 * apart from the capture) but fewer responses were captured, none at all in the worst case.
 */
export function scanGaps(traffic: { requests: number }, responses: readonly CapturedResponse[]): string[] {
  if (traffic.requests === 0) return [];
  if (responses.length === 0) {
    return [`the apps of this file received ${traffic.requests} HTTP request(s) but no response was captured: nothing was checked`];
  }
  if (responses.length < traffic.requests) {
    return [`the apps of this file received ${traffic.requests} HTTP request(s) but only ${responses.length} response(s) were captured`];
  }
  return [];
}
