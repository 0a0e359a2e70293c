import parseDate from 'postgres-date';

/**
 * A `timestamptz` as the API answers it (ISO 8601 in UTC, milliseconds: `2026-12-04T11:28:05.123Z`)
 * from what the driver gives: MikroORM keeps PostgreSQL's text (`2026-12-04 11:28:05.123456+00` in a
 * UTC session). `new Date()` reads that text with V8's slow non-ISO parser, ~1.7 µs each, and a page
 * of 20 users has 60 of them (~15 % of a list request's CPU in issue 7's benchmark); it also fails on
 * offsets with seconds (`+05:53:28`, old dates in some zones). So the UTC form is rewritten by slicing
 * (microseconds truncated, as Date does), and any other text is read by `postgres-date`, pg's own
 * parser.
 */
export function isoTimestamp(value: string | Date): string {
  if (typeof value !== 'string') return value.toISOString();
  if (value.length >= 22 && value.length <= 29 && value[4] === '-' && value[10] === ' ' && value.endsWith('+00')) {
    const fraction = value[19] === '.' ? value.slice(20, -3) : '';
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${`${fraction}000`.slice(0, 3)}Z`;
  }
  const parsed = parseDate(value);
  // 'infinity' parses to a number: as with Date before, that is a RangeError, not a made-up instant.
  return (parsed instanceof Date ? parsed : new Date(NaN)).toISOString();
}
