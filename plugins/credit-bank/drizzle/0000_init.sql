CREATE SCHEMA "credit_bank";
--> statement-breakpoint
CREATE TABLE "credit_bank"."accounts" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"asset" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_owner_asset_purpose_key" ON "credit_bank"."accounts" USING btree ("owner_type","owner_id","asset","purpose");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "credit_bank"."accounts" USING btree ("owner_type","owner_id");