CREATE TABLE "credit_bank"."transcript_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transcript_shares_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "transcript_shares_person_idx" ON "credit_bank"."transcript_shares" USING btree ("person_id","id");