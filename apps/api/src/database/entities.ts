import { AccessTokenSchema } from '../access-tokens/access-token.entity';
import { ExperienceSchema } from '../experiences/experience.entity';
import { ProviderSchema } from '../providers/provider.entity';
import { UserSchema } from '../users/user.entity';

/** Every entity, listed so the bundle needs no folder discovery. */
export const ENTITIES = [UserSchema, AccessTokenSchema, ProviderSchema, ExperienceSchema];
