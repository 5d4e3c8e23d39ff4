-- Notification rows only for the events that may call for a message. Written by hand.
--
-- A dossier that chose e-mail or SMS queued a row for every one of its events, and the worker then
-- claimed, looked at and marked each, although core sends a message for a few kinds only
-- (NOTIFYING_EVENTS in packages/core/src/notifications/templates.ts: a submission only when
-- accepted at once, at the counter). The trigger now queues notification rows for those kinds
-- only; core still decides on each row. server/src/notifications/notify-trigger.test.ts holds
-- this list to core's table.
-- Webhooks keep every event.
CREATE OR REPLACE FUNCTION motcua_outbox_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox (destination, dossier_id, seq)
    SELECT d.name, e.dossier_id, e.seq FROM new_events e CROSS JOIN outbox_destinations d
     WHERE d.active
       AND (d.name NOT LIKE 'notify:%' OR (
             (e.kind IN ('accept', 'request_supplement', 'extend', 'approve', 'deny', 'payment_recorded')
               OR (e.kind = 'submit' AND jsonb_typeof(e.event #> '{data,acceptance}') = 'object'))
             AND EXISTS (
               SELECT 1 FROM dossiers x
                WHERE x.id = e.dossier_id
                  AND (x.notify ->> CASE d.name WHEN 'notify:email' THEN 'email' ELSE 'phone' END) IS NOT NULL)));
  RETURN NULL;
END;
$$;
