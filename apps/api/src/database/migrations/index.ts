import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261203000000_create_users } from './Migration20261203000000_create_users';

/**
 * Every migration, in order. Listed here (not discovered from the folder) so the webpack
 * bundle carries them; add each new migration at the end.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261203000000_create_users', class: Migration20261203000000_create_users },
];
