import { sql } from 'drizzle-orm';
import { validateApplicantData, type Procedure } from '@motcua/core';
import { execute } from '../../db/client.ts';
import { verifyChains } from '../../audit/verify.ts';
import type { ServerContext } from '../../context.ts';

/**
 * What a fuzz run may have stored wrongly: a dossier whose data core's validation refuses against
 * its pinned procedure version, and any broken event chain (`motcua audit verify`: hashes,
 * sequence, columns agreeing with the event, the state being the replay of well-formed events, no
 * code issued without its dossier). Empty when nothing invalid was stored.
 */
export async function storedProblems(ctx: ServerContext): Promise<string[]> {
  const problems: string[] = [];
  const stored = await execute<{ code: string; data: unknown; definition: Procedure }>(
    ctx.db,
    sql`select d.code, d.data, v.definition from dossiers d
        join procedure_versions v on v.code = d.procedure_code and v.version = d.procedure_version`,
  );
  for (const row of stored) {
    const issues = validateApplicantData(row.definition, row.data, ctx.evaluator);
    if (issues.length)
      problems.push(`${row.code}: stored data fails validation: ${issues.map((i) => i.pointer).join(', ')}`);
  }
  const audit = await verifyChains(ctx.db);
  for (const b of audit.broken) problems.push(`${b.code ?? b.dossierId} [${b.kind}] ${b.message.en}`);
  return problems;
}

/** How many dossiers are stored. */
export async function dossierCount(ctx: ServerContext): Promise<number> {
  const [row] = await execute<{ n: number }>(ctx.db, sql`select count(*)::int as n from dossiers`);
  return row!.n;
}
