ALTER TABLE "core"."ledger_accounts" ADD COLUMN "opened_by" text;--> statement-breakpoint
ALTER TABLE "core"."ledger_accounts" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "core"."ledger_accounts" ADD CONSTRAINT "ledger_accounts_purpose_format" CHECK ("core"."ledger_accounts"."purpose" ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length("core"."ledger_accounts"."purpose") <= 48);