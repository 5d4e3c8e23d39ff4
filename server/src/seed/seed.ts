import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerContext } from '../context.ts';
import { agencies, agencyKinds, calendars } from '../db/schema/index.ts';
import { createAgency } from '../agencies/service.ts';
import { createStaff } from '../staff/service.ts';
import { randomToken } from '../auth/secret.ts';
import { hashPassword } from '../auth/password.ts';
import { bumpAgencyRevision } from '../agency-directory/cache.ts';
import { demoAccounts, kindsOf, readNationalCalendar, readProvince, type DemoAccount } from './demo-province.ts';
import { publishExamples, type PublishedExample } from './examples.ts';
import { seedSampleDossiers, type SampleReport } from './sample-dossiers.ts';

export interface SeedReport {
  agencies: number;
  calendar: string;
  accounts: DemoAccount[];
  password: string;
  procedures: PublishedExample[];
  loginsFile: string | null;
  /** The sample dossiers created (config.demoSamples), or null when none were asked for. */
  samples: SampleReport | null;
}

export const NATIONAL_CALENDAR_ID = 'vn-civil-service';

/**
 * Seeds the demo province on an empty database: agency kinds, the national calendar, the agency
 * tree, demo staff accounts (one password for all, printed once and saved to the data directory),
 * then publishes the example procedures and plays the sample dossiers' histories
 * (config.demoSamples). Not safe to run twice at once: processes that start together call it
 * under the start-up lock (`withStartupLock`), so one seeds all of it and the others then find
 * the database seeded.
 */
export async function seedIfEmpty(ctx: ServerContext): Promise<SeedReport | null> {
  const province = readProvince();
  const calendar = readNationalCalendar();
  const password = ctx.config.demoPassword ?? randomToken(12);
  const accounts = demoAccounts(province);
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(password);
  const seeded = await ctx.db.transaction(async (tx) => {
    const any = await tx.select({ code: agencies.code }).from(agencies).limit(1);
    if (any.length) return false;
    const root = province.agencies.find((a) => a.parent === null)!;
    await tx
      .insert(agencyKinds)
      .values(kindsOf(province).map((k, i) => ({ id: k.id, title: k.title, level: k.level, sort: i })));
    await tx.insert(calendars).values({
      id: NATIONAL_CALENDAR_ID,
      name: { vi: 'Lịch làm việc của cơ quan hành chính nhà nước', en: 'Civil-service working calendar' },
      ownerCode: null,
      data: calendar,
      updatedAt: new Date(now),
    });
    for (const a of province.agencies) {
      await createAgency(
        tx,
        { code: a.code, name: a.name, kind: a.kind, parent: a.parent, calendarId: NATIONAL_CALENDAR_ID },
        { actorId: null, at: now },
      );
    }
    await tx.update(calendars).set({ ownerCode: root.code });
    for (const acc of accounts) {
      await createStaff(
        tx,
        {
          username: acc.username,
          fullName: acc.fullName,
          email: acc.email,
          agencyCode: acc.agencyCode,
          passwordHash,
          roles: acc.roles,
        },
        now,
      );
    }
    await bumpAgencyRevision(tx);
    return true;
  });
  if (!seeded) return null;
  ctx.agencies.invalidate();
  const procedures = await publishExamples(ctx);
  // Only here, right after the province is created: a database that has ever been seeded never gets them.
  const samples = ctx.config.demoSamples > 0 ? await seedSampleDossiers(ctx, ctx.config.demoSamples) : null;
  if (samples) ctx.log.info({ ...samples }, 'created the demo sample dossiers');
  let loginsFile: string | null = null;
  try {
    mkdirSync(ctx.config.dataDir, { recursive: true });
    loginsFile = join(ctx.config.dataDir, 'demo-logins.txt');
    writeFileSync(loginsFile, formatLogins(accounts, password), { mode: 0o600 });
  } catch {
    loginsFile = null;
  }
  ctx.log.info(
    { agencies: province.agencies.length, accounts: accounts.length, procedures: procedures.length },
    'seeded the demo province',
  );
  return {
    agencies: province.agencies.length,
    calendar: NATIONAL_CALENDAR_ID,
    accounts,
    password,
    procedures,
    loginsFile,
    samples,
  };
}

export function formatLogins(accounts: DemoAccount[], password: string): string {
  const lines = accounts.map(
    (a) => `  ${a.username.padEnd(40)} ${a.roles.map((r) => `${r.role}@${r.agency}`).join(', ')}`,
  );
  return `Tài khoản demo / demo accounts (mật khẩu / password: ${password})\n${lines.join('\n')}\n`;
}
