import { UserSchema } from '../users/user.entity';

/** Every entity, listed so the bundle needs no folder discovery. */
export const ENTITIES = [UserSchema];
