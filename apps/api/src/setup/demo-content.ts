import type { CreateExperienceRequest, ExperienceStatus, ProviderDto } from '@interakt/shared/api-contracts';

/** The experiences `POST /api/setup/reset-demo` creates, newest first. */
export const DEMO_EXPERIENCES: readonly (CreateExperienceRequest & { status: ExperienceStatus })[] = [
  {
    name: 'Customer support assistant',
    description: 'Answers questions about orders, deliveries and returns from the help-centre articles.',
    status: 'published',
  },
  {
    name: 'Employee onboarding guide',
    description: 'Walks new colleagues through their first week: accounts, tools and who to ask.',
    status: 'published',
  },
  {
    name: 'Sales FAQ bot',
    description: 'Drafts answers to common pricing and licensing questions for the sales team.',
    status: 'draft',
  },
  {
    name: 'Internal knowledge search',
    description: 'Searches the engineering wiki and summarises the pages it finds.',
    status: 'draft',
  },
  {
    name: 'Holiday campaign 2025',
    description: 'Seasonal product recommendations; kept for reference.',
    status: 'archived',
  },
];

/** The providers it creates: no API keys, so the demo holds no secret. */
export const DEMO_PROVIDERS: readonly Pick<ProviderDto, 'name' | 'kind' | 'baseUrl'>[] = [
  { name: 'OpenAI (demo)', kind: 'openai', baseUrl: null },
  { name: 'Local Ollama (demo)', kind: 'ollama', baseUrl: 'http://localhost:11434' },
];
