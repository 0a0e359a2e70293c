import type { ExperienceDto } from '@interakt/shared/api-contracts';
import type { Experience } from './experience.entity';

export function toExperienceDto(experience: Experience): ExperienceDto {
  return {
    id: experience.id,
    name: experience.name,
    description: experience.description,
    status: experience.status,
    createdAt: experience.createdAt.toISOString(),
    updatedAt: experience.updatedAt.toISOString(),
  };
}
