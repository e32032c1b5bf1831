ALTER TABLE "core"."ledger_transfers" ADD COLUMN "actor_type" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."ledger_transfers" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "core"."ledger_transfers" ADD COLUMN "actor_plugin" text;--> statement-breakpoint
ALTER TABLE "core"."ledger_transfers" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "core"."ledger_transfers" ADD CONSTRAINT "ledger_transfers_actor_type" CHECK ("core"."ledger_transfers"."actor_type" in ('person', 'apiKey', 'plugin', 'system'));