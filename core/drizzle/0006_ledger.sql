CREATE TABLE "core"."ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text,
	"kind" text DEFAULT 'standard' NOT NULL,
	"shard_of" uuid,
	"debits_must_not_exceed_credits" boolean DEFAULT false NOT NULL,
	"credits_must_not_exceed_debits" boolean DEFAULT false NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"debits_pending" bigint DEFAULT 0 NOT NULL,
	"debits_posted" bigint DEFAULT 0 NOT NULL,
	"credits_pending" bigint DEFAULT 0 NOT NULL,
	"credits_posted" bigint DEFAULT 0 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_owner_type" CHECK ("core"."ledger_accounts"."owner_type" in ('person', 'group', 'institution', 'region', 'platform', 'plugin')),
	CONSTRAINT "ledger_accounts_kind" CHECK ("core"."ledger_accounts"."kind" in ('standard', 'issuance')),
	CONSTRAINT "ledger_accounts_totals_non_negative" CHECK ("core"."ledger_accounts"."debits_pending" >= 0 and "core"."ledger_accounts"."debits_posted" >= 0 and "core"."ledger_accounts"."credits_pending" >= 0 and "core"."ledger_accounts"."credits_posted" >= 0),
	CONSTRAINT "ledger_accounts_flags_exclusive" CHECK (not ("core"."ledger_accounts"."debits_must_not_exceed_credits" and "core"."ledger_accounts"."credits_must_not_exceed_debits")),
	CONSTRAINT "ledger_accounts_debits_must_not_exceed_credits" CHECK (not "core"."ledger_accounts"."debits_must_not_exceed_credits" or "core"."ledger_accounts"."debits_pending"::numeric + "core"."ledger_accounts"."debits_posted" <= "core"."ledger_accounts"."credits_posted"),
	CONSTRAINT "ledger_accounts_credits_must_not_exceed_debits" CHECK (not "core"."ledger_accounts"."credits_must_not_exceed_debits" or "core"."ledger_accounts"."credits_pending"::numeric + "core"."ledger_accounts"."credits_posted" <= "core"."ledger_accounts"."debits_posted")
);
--> statement-breakpoint
CREATE TABLE "core"."ledger_assets" (
	"code" text PRIMARY KEY NOT NULL,
	"scale" smallint NOT NULL,
	"issuance_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_assets_code_format" CHECK ("core"."ledger_assets"."code" ~ '^[A-Z][A-Z0-9_]{0,15}$'),
	CONSTRAINT "ledger_assets_scale_range" CHECK ("core"."ledger_assets"."scale" between 0 and 18)
);
--> statement-breakpoint
CREATE TABLE "core"."ledger_blocks" (
	"number" bigint PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"transfer_count" integer NOT NULL,
	"merkle_root" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."ledger_entries" (
	"account_id" uuid NOT NULL,
	"version" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"pending_delta" bigint NOT NULL,
	"posted_delta" bigint NOT NULL,
	"debits_pending" bigint NOT NULL,
	"debits_posted" bigint NOT NULL,
	"credits_pending" bigint NOT NULL,
	"credits_posted" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_account_id_version_pk" PRIMARY KEY("account_id","version"),
	CONSTRAINT "ledger_entries_side" CHECK ("core"."ledger_entries"."side" in ('debit', 'credit'))
);
--> statement-breakpoint
CREATE TABLE "core"."ledger_pending_transfers" (
	"transfer_id" uuid PRIMARY KEY NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"expires_at" timestamp with time zone,
	"state" text DEFAULT 'pending' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "ledger_pending_state" CHECK ("core"."ledger_pending_transfers"."state" in ('pending', 'posted', 'voided', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "core"."ledger_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"asset" text NOT NULL,
	"code" integer NOT NULL,
	"kind" text NOT NULL,
	"linked" boolean DEFAULT false NOT NULL,
	"pending_id" uuid,
	"timeout_seconds" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_transfers_seq_unique" UNIQUE("seq"),
	CONSTRAINT "ledger_transfers_amount_positive" CHECK ("core"."ledger_transfers"."amount" > 0),
	CONSTRAINT "ledger_transfers_kind" CHECK ("core"."ledger_transfers"."kind" in ('posted', 'pending', 'post', 'void')),
	CONSTRAINT "ledger_transfers_accounts_differ" CHECK ("core"."ledger_transfers"."debit_account_id" <> "core"."ledger_transfers"."credit_account_id")
);
--> statement-breakpoint
ALTER TABLE "core"."ledger_accounts" ADD CONSTRAINT "ledger_accounts_asset_ledger_assets_code_fk" FOREIGN KEY ("asset") REFERENCES "core"."ledger_assets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_accounts_owner_idx" ON "core"."ledger_accounts" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_shard_of_idx" ON "core"."ledger_accounts" USING btree ("shard_of");--> statement-breakpoint
CREATE INDEX "ledger_pending_expiry_idx" ON "core"."ledger_pending_transfers" USING btree ("expires_at") WHERE "core"."ledger_pending_transfers"."state" = 'pending' and "core"."ledger_pending_transfers"."expires_at" is not null;