-- Biểu 06 annex. Written by hand. The day ledger gains, for every dossier withdrawn (status 7) or
-- stopped (status 8), an entry `annex:{online|direct}:{acceptance day}` dated on the day it ended
-- (core's report/ledger.ts, annexLedgerColumn): the form leaves such a dossier out of its received
-- columns for that period. New events write it through core's ledgerDiff; this backfills the
-- dossiers that ended so before. Days are the responsible agency's local dates, as core's dayOf.
-- The month totals follow by the ledger's trigger.
INSERT INTO report_ledger (agency_code, field_code, day, "column", value)
SELECT agency_code, field_code, day, "column", count(*)
FROM (
  SELECT
    d.responsible_agency AS agency_code,
    d.field_code,
    to_char(
      to_timestamp(coalesce(d.state->>'withdrawnAt', d.state->>'stoppedAt')::bigint / 1000.0)
        AT TIME ZONE (d.state->>'timeZone'),
      'YYYY-MM-DD'
    )::date AS day,
    'annex:' || CASE WHEN d.state->>'channel' = 'online' THEN 'online' ELSE 'direct' END || ':' ||
      to_char(to_timestamp((d.state->>'acceptedAt')::bigint / 1000.0) AT TIME ZONE (d.state->>'timeZone'), 'YYYY-MM-DD')
      AS "column"
  FROM dossiers d
  WHERE d.responsible_agency IS NOT NULL
    AND d.state->>'acceptedAt' IS NOT NULL
    AND d.state->>'timeZone' IS NOT NULL
    AND NOT (d.state->>'resolvedAt' IS NOT NULL AND d.state->>'outcome' IS NOT NULL)
    AND coalesce(d.state->>'withdrawnAt', d.state->>'stoppedAt') IS NOT NULL
) t
GROUP BY agency_code, field_code, day, "column"
ON CONFLICT (agency_code, field_code, day, "column") DO UPDATE SET value = report_ledger.value + excluded.value;
