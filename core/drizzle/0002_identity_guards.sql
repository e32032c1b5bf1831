-- The audit log is append-only for every database user, the owner included: corrections are new
-- entries. (TRUNCATE is covered by its own statement-level trigger.)
CREATE FUNCTION core.reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'core.audit_log is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON core.audit_log
  FOR EACH ROW EXECUTE FUNCTION core.reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON core.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION core.reject_audit_change();
--> statement-breakpoint
-- Every deployment has the default region; lifelong.config.ts may add more.
INSERT INTO core.regions (id, name) VALUES ('default', 'Default region') ON CONFLICT DO NOTHING;
