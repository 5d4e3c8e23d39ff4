import {
  pgTable,
  text,
  jsonb,
  boolean,
  timestamp,
  uuid,
  integer,
  bigserial,
  primaryKey,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

/** Staff accounts. A staff member holds roles per agency (`staff_roles`). */
export const staff = pgTable('staff', {
  id: uuid('id').primaryKey(),
  /** Lower-case login name. */
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  /** The agency the account belongs to (who administers it). */
  agencyCode: text('agency_code')
    .notNull()
    .references(() => agencies.code),
  /** scrypt hash; null for integration accounts that only use API tokens. */
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  revision: integer('revision').notNull().default(1),
});

export const staffRoles = pgTable(
  'staff_roles',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.agencyCode, t.role] }),
    index('staff_roles_agency_idx').on(t.agencyCode, t.role),
  ],
);

/** Browser sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** Bearer tokens for integrations, stored hashed; they act as their staff account. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_staff_idx').on(t.staffId)],
);

/** Failed-login counters per account and per client address (shared by every server process). */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  failures: integer('failures').notNull(),
});

/** Staff reads of a dossier's personal data. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    staffId: uuid('staff_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    operation: text('operation').notNull(),
    detail: jsonb('detail'),
    ip: text('ip'),
  },
  (t) => [index('access_log_dossier_idx').on(t.dossierId, t.at), index('access_log_staff_idx').on(t.staffId, t.at)],
);

/** A staff member's preferences (saved inbox filters, columns), as the contract's StaffPreferences. */
export const staffPreferences = pgTable('staff_preferences', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id, { onDelete: 'cascade' }),
  preferences: jsonb('preferences').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
