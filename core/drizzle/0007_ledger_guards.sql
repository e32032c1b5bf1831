-- Hand-written: the ledger's append-only guards, asset registration and the initial assets.
-- The application role may own these tables (or be a superuser), so privileges alone cannot stop
-- an UPDATE or DELETE: triggers do. Tamper tests disable them deliberately.
CREATE FUNCTION "core"."ledger_reject_mutation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'core.% is append-only: % is not allowed (corrections are new transfers)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_transfers_immutable" BEFORE UPDATE OR DELETE ON "core"."ledger_transfers"
  FOR EACH ROW EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
CREATE TRIGGER "ledger_transfers_no_truncate" BEFORE TRUNCATE ON "core"."ledger_transfers"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_immutable" BEFORE UPDATE OR DELETE ON "core"."ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "core"."ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
CREATE TRIGGER "ledger_blocks_immutable" BEFORE UPDATE OR DELETE ON "core"."ledger_blocks"
  FOR EACH ROW EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
CREATE TRIGGER "ledger_blocks_no_truncate" BEFORE TRUNCATE ON "core"."ledger_blocks"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."ledger_reject_mutation"();
--> statement-breakpoint
-- Registers an asset with its issuance account and that account's shards (hot-account split).
CREATE FUNCTION "core"."ledger_register_asset"(p_code text, p_scale smallint, p_shards integer)
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  issuance uuid := gen_random_uuid();
BEGIN
  INSERT INTO "core"."ledger_assets" (code, scale, issuance_account_id) VALUES (p_code, p_scale, issuance);
  INSERT INTO "core"."ledger_accounts" (id, asset, owner_type, kind) VALUES (issuance, p_code, 'platform', 'issuance');
  INSERT INTO "core"."ledger_accounts" (id, asset, owner_type, kind, shard_of)
    SELECT gen_random_uuid(), p_code, 'platform', 'issuance', issuance FROM generate_series(2, p_shards);
  RETURN issuance;
END
$$;
--> statement-breakpoint
SELECT "core"."ledger_register_asset"('CREDIT', 1::smallint, 8);
--> statement-breakpoint
SELECT "core"."ledger_register_asset"('POINT', 0::smallint, 8);
--> statement-breakpoint
SELECT "core"."ledger_register_asset"('CNY', 2::smallint, 8);
