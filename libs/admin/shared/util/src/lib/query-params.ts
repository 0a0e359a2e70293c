import type { ParamMap } from '@angular/router';

/** A whole number from the URL within [min, max], or the fallback. */
export function intParam(params: ParamMap, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const value = Number(raw);
  return value >= min && value <= max ? value : fallback;
}

/** One of the allowed values from the URL, or undefined. */
export function oneOfParam<T extends string>(params: ParamMap, name: string, allowed: readonly T[]): T | undefined {
  const raw = params.get(name);
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** Query params for the URL: drops empty values and defaults, so links stay short. */
export function compactParams(
  values: Record<string, string | number | null | undefined>,
  defaults: Record<string, string | number> = {},
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(values)) {
    // null removes the param when merged into the current URL.
    out[key] = value === undefined || value === null || value === '' || defaults[key] === value ? null : value;
  }
  return out;
}
