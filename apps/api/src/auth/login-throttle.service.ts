import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';

interface Counter {
  key: string;
  failures: number;
  retry_after: number;
}

/**
 * Failed-login throttling shared by every replica through PostgreSQL (SPEC §4): at most N
 * failures in a row per email and M per client address within a window. An attempt is counted
 * *before* the password is checked, in one atomic upsert, so parallel guesses cannot slip past
 * the limit; a success then clears the email's count and gives the address its attempt back.
 * The window always ends: it is a delay, never a permanent lock.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts an attempt; throws 429 TOO_MANY_ATTEMPTS with Retry-After when over a limit. */
  async registerAttempt(email: string, ip: string | undefined): Promise<void> {
    const { maxFailuresPerEmail, maxFailuresPerIp, windowSeconds } = this.config.loginThrottle;
    const limits = new Map([[emailKey(email), maxFailuresPerEmail]]);
    if (ip) limits.set(ipKey(ip), maxFailuresPerIp);
    const keys = [...limits.keys()];
    // One atomic upsert for both keys: a new window starts when the old one has passed.
    const counters = await this.em.getConnection().execute<Counter[]>(
      `insert into login_throttle as t (key, failures, window_started_at)
       values ${keys.map(() => '(?, 1, now())').join(', ')}
       on conflict (key) do update set
         failures = case when t.window_started_at + make_interval(secs => ?) <= now() then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at + make_interval(secs => ?) <= now() then now() else t.window_started_at end
       returning key, failures,
         greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => ?) - now()))))::int as retry_after`,
      [...keys, windowSeconds, windowSeconds, windowSeconds],
    );
    const retryAfter = Math.max(0, ...counters.filter((c) => c.failures > (limits.get(c.key) ?? Infinity)).map((c) => c.retry_after));
    if (retryAfter > 0) {
      throw new ApiException(
        'TOO_MANY_ATTEMPTS',
        HttpStatus.TOO_MANY_REQUESTS,
        `Too many failed sign-in attempts. Try again in ${describeSeconds(retryAfter)}.`,
        { 'Retry-After': String(retryAfter) },
      );
    }
  }

  /** The attempt succeeded: the email starts afresh, and the address's count loses this attempt. */
  async registerSuccess(email: string, ip: string | undefined): Promise<void> {
    await this.em.getConnection().execute(
      `with cleared as (delete from login_throttle where key = ?)
       update login_throttle set failures = greatest(failures - 1, 0) where key = ?`,
      [emailKey(email), ip ? ipKey(ip) : null],
    );
  }
}

function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`.slice(0, 300);
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}

function describeSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
