-- Published procedure versions are immutable: dossiers are pinned to them (principle 3).
CREATE OR REPLACE FUNCTION motcua_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'procedure_versions are immutable (% %)', OLD.code, OLD.version USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION motcua_refuse_version_change();
