CREATE TABLE "credit_bank"."credit_totals" (
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"credits" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "credit_totals_person_id_period_pk" PRIMARY KEY("person_id","period"),
	CONSTRAINT "credit_totals_nonnegative" CHECK ("credit_bank"."credit_totals"."credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"title" text NOT NULL,
	"provider_institution_id" uuid,
	"stage" text NOT NULL,
	"level" text DEFAULT 'none' NOT NULL,
	"learning_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"workload_hours" numeric(10, 2) NOT NULL,
	"assessment_type" text NOT NULL,
	"assessment_score" numeric(5, 2),
	"form" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"credits" bigint NOT NULL,
	"points" bigint NOT NULL,
	"outcome" text NOT NULL,
	"origin" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"equivalence_key" text NOT NULL,
	"year_period" text NOT NULL,
	"term_period" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"withdrawn_reason" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_credits_nonnegative" CHECK ("credit_bank"."records"."credits" >= 0 and "credit_bank"."records"."points" >= 0),
	CONSTRAINT "records_workload_positive" CHECK ("credit_bank"."records"."workload_hours" > 0),
	CONSTRAINT "records_withdrawal_complete" CHECK (("credit_bank"."records"."status" = 'active') = ("credit_bank"."records"."withdrawn_at" is null and "credit_bank"."records"."withdrawn_reason" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "records_source_ref_key" ON "credit_bank"."records" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "records_person_idx" ON "credit_bank"."records" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "records_person_equivalence_idx" ON "credit_bank"."records" USING btree ("person_id","equivalence_key");