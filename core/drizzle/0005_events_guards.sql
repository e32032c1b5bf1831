-- An emitted event is a fact: only the dispatcher's fan-out mark may change after insert, so
-- every subscriber sees the same name, key, region and payload however late it is delivered.
CREATE FUNCTION core.reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.name IS DISTINCT FROM OLD.name
    OR NEW.key IS DISTINCT FROM OLD.key OR NEW.region_id IS DISTINCT FROM OLD.region_id
    OR NEW.payload IS DISTINCT FROM OLD.payload OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'core.events rows are immutable except fanned_out_at' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_immutable BEFORE UPDATE ON core.events
  FOR EACH ROW EXECUTE FUNCTION core.reject_event_change();
--> statement-breakpoint
-- Names as defineEvent validates them, so rows written around the API cannot break subscribers.
ALTER TABLE core.events ADD CONSTRAINT events_name_check
  CHECK (name ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-zA-Z0-9-]*){2}$');
