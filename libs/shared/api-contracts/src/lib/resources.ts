import type { AuditActorType } from './audit';

/*
 * The small resources behind the permission matrix (SPEC §4 "Resources behind the permission
 * matrix"): AI providers, experiences, the analytics summary and the demo reset.
 */

// ---------------------------------------------------------------- providers (providers.manage)

/** The kinds of AI provider the platform knows; `custom` is any OpenAI-compatible endpoint. */
export const PROVIDER_KINDS = ['openai', 'anthropic', 'azure-openai', 'google', 'mistral', 'ollama', 'custom'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Kinds without a public default endpoint: their `baseUrl` is required. */
export const PROVIDER_KINDS_REQUIRING_BASE_URL: readonly ProviderKind[] = ['azure-openai', 'custom'];

/**
 * A provider as the API returns it. `apiKey` is never the key: it is a mask such as `sk-…a1b2`
 * (at most 3 leading and the last 4 characters; just `…` for a short key), or null when none is set.
 */
export interface ProviderDto {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  apiKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateProviderRequest {
  name: string;
  kind: ProviderKind;
  baseUrl?: string | null;
  /** Write-only: stored encrypted, returned masked. */
  apiKey?: string | null;
}

/** Any subset; `apiKey` left out keeps the key, `apiKey: null` clears it. */
export type UpdateProviderRequest = Partial<CreateProviderRequest>;

export interface ProviderListResponse {
  items: ProviderDto[];
}

// ---------------------------------------------------------- experiences (content.read / write)

export const EXPERIENCE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ExperienceStatus = (typeof EXPERIENCE_STATUSES)[number];

export interface ExperienceDto {
  id: string;
  name: string;
  description: string;
  status: ExperienceStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ExperienceListQuery {
  /** Case-insensitive substring of the name or the description. */
  search?: string;
  status?: ExperienceStatus;
  page?: number;
  pageSize?: number;
}

export interface CreateExperienceRequest {
  name: string;
  description?: string;
  status?: ExperienceStatus;
}

export type UpdateExperienceRequest = Partial<CreateExperienceRequest>;

// ------------------------------------------------------------------ analytics (analytics.view)

export interface AnalyticsSummaryQuery {
  /** ISO 8601, inclusive; default: 30 days before `to`. */
  from?: string;
  /** ISO 8601, exclusive; default: now. */
  to?: string;
}

export interface AnalyticsTotalsDto {
  /** Every audit event in the range. */
  events: number;
  /** `auth.login` events. */
  logins: number;
  /** `auth.login_failed` events. */
  failedLogins: number;
  /** Every event that is not `auth.*`: the changes made through the API. */
  changes: number;
  /** Distinct users who did anything in the range. */
  activeUsers: number;
}

/** What one user did in the range; email and name are the newest snapshot in the audit log. */
export interface AnalyticsUserActivityDto {
  id: string;
  email: string | null;
  name: string | null;
  events: number;
  logins: number;
  failedLogins: number;
  changes: number;
  lastActivityAt: string;
}

/** Any actor: a user, an access token, or the system (whose id is null). */
export interface AnalyticsActorActivityDto extends Omit<AnalyticsUserActivityDto, 'id'> {
  type: AuditActorType;
  id: string | null;
}

export interface AnalyticsSummaryDto {
  from: string;
  to: string;
  totals: AnalyticsTotalsDto;
  /** Users by activity (events, then latest), at most 50. */
  users: AnalyticsUserActivityDto[];
  /** The 10 most active actors of any type. */
  topActors: AnalyticsActorActivityDto[];
}

// --------------------------------------------------------------------- setup (setup.reset)

/** What `POST /api/setup/reset-demo` removed and the demo content it created instead. */
export interface ResetDemoResponse {
  deleted: { experiences: number; providers: number };
  experiences: ExperienceDto[];
  providers: ProviderDto[];
}

// --------------------------------------------------------------------- playground (playground.use)

/** `POST /api/playground/render`: a prompt template and the values of its `{{name}}` placeholders. */
export interface RenderPromptRequest {
  template: string;
  variables?: Record<string, string>;
}

/** The rendered prompt; placeholders without a value stay as written and are listed in `missing`. */
export interface RenderPromptResponse {
  prompt: string;
  /** Every placeholder name, once, in order of first appearance. */
  placeholders: string[];
  missing: string[];
}
