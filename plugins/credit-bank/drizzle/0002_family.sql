CREATE TABLE "credit_bank"."family_allowances" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sent_points" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "family_allowances_person_id_year_pk" PRIMARY KEY("person_id","year"),
	CONSTRAINT "family_allowances_sent_not_negative" CHECK ("credit_bank"."family_allowances"."sent_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."family_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"from_person_id" uuid NOT NULL,
	"from_learner_number" text NOT NULL,
	"to_person_id" uuid NOT NULL,
	"to_learner_number" text NOT NULL,
	"points" bigint NOT NULL,
	"vouchers" bigint NOT NULL,
	"year" integer NOT NULL,
	"out_transfer_id" uuid NOT NULL,
	"in_transfer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_transfers_out_transfer_id_unique" UNIQUE("out_transfer_id"),
	CONSTRAINT "family_transfers_in_transfer_id_unique" UNIQUE("in_transfer_id"),
	CONSTRAINT "family_transfers_amounts_positive" CHECK ("credit_bank"."family_transfers"."points" > 0 and "credit_bank"."family_transfers"."vouchers" > 0)
);
--> statement-breakpoint
CREATE INDEX "family_transfers_group_idx" ON "credit_bank"."family_transfers" USING btree ("group_id","id");