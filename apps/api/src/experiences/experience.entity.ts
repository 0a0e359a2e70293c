import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { EXPERIENCE_STATUSES } from '@interakt/shared/api-contracts';

/** An experience (SPEC §4 Resources). Table and indexes come from Migration20261203050000_resources. */
export const ExperienceSchema = defineEntity({
  name: 'Experience',
  tableName: 'experiences',
  // The list is newest first, optionally for one status; `id` breaks ties so pages are stable.
  indexes: [
    { name: 'experiences_created_at_id', properties: ['createdAt', 'id'] },
    { name: 'experiences_status_created_at_id', properties: ['status', 'createdAt', 'id'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    name: p.string().length(200),
    description: p.string().length(2000).default(''),
    status: p.enum(EXPERIENCE_STATUSES).default('draft'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Experience extends ExperienceSchema.class {}
ExperienceSchema.setClass(Experience);
