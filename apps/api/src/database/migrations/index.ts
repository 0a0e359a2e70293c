import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261203000000_create_users } from './Migration20261203000000_create_users';
import { Migration20261203010000_users_search_indexes } from './Migration20261203010000_users_search_indexes';
import { Migration20261203020000_auth_tokens_throttle } from './Migration20261203020000_auth_tokens_throttle';
import { Migration20261203030000_audit_events } from './Migration20261203030000_audit_events';
import { Migration20261203040000_access_tokens } from './Migration20261203040000_access_tokens';
import { Migration20261203050000_resources } from './Migration20261203050000_resources';
import { Migration20261203060000_user_counts } from './Migration20261203060000_user_counts';
import { Migration20261203070000_users_role_status_index } from './Migration20261203070000_users_role_status_index';
import { Migration20261204000000_users_search_text } from './Migration20261204000000_users_search_text';
import { Migration20261204010000_user_counts_edits } from './Migration20261204010000_user_counts_edits';

/**
 * Every migration, in order. Listed here (not discovered from the folder) so the webpack
 * bundle carries them; add each new migration at the end.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261203000000_create_users', class: Migration20261203000000_create_users },
  { name: 'Migration20261203010000_users_search_indexes', class: Migration20261203010000_users_search_indexes },
  { name: 'Migration20261203020000_auth_tokens_throttle', class: Migration20261203020000_auth_tokens_throttle },
  { name: 'Migration20261203030000_audit_events', class: Migration20261203030000_audit_events },
  { name: 'Migration20261203040000_access_tokens', class: Migration20261203040000_access_tokens },
  { name: 'Migration20261203050000_resources', class: Migration20261203050000_resources },
  { name: 'Migration20261203060000_user_counts', class: Migration20261203060000_user_counts },
  { name: 'Migration20261203070000_users_role_status_index', class: Migration20261203070000_users_role_status_index },
  { name: 'Migration20261204000000_users_search_text', class: Migration20261204000000_users_search_text },
  { name: 'Migration20261204010000_user_counts_edits', class: Migration20261204010000_user_counts_edits },
];
