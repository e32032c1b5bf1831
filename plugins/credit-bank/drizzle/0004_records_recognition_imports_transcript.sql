CREATE TABLE "credit_bank"."import_rows" (
	"import_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"external_id" text,
	"payload" jsonb,
	"status" text NOT NULL,
	"record_id" uuid,
	"errors" jsonb,
	CONSTRAINT "import_rows_import_id_index_pk" PRIMARY KEY("import_id","index")
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"submitted_by" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "imports_counts" CHECK ("credit_bank"."imports"."processed" = "credit_bank"."imports"."created" + "credit_bank"."imports"."duplicates" + "credit_bank"."imports"."failed" and "credit_bank"."imports"."processed" <= "credit_bank"."imports"."total")
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."providers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"capabilities" jsonb NOT NULL,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_validity_ordered" CHECK ("credit_bank"."providers"."valid_to" is null or "credit_bank"."providers"."valid_to" > "credit_bank"."providers"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."certificate_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"issuing_institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"stage" text NOT NULL,
	"level" text DEFAULT 'none' NOT NULL,
	"learning_outcomes" jsonb NOT NULL,
	"workload_hours" numeric(10, 2) NOT NULL,
	"assessment_type" text NOT NULL,
	"assessment_score" numeric(5, 2),
	"form" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"equivalence_key" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text NOT NULL,
	"record_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificates_workload_positive" CHECK ("credit_bank"."certificates"."workload_hours" > 0),
	CONSTRAINT "certificates_approved_has_record" CHECK (("credit_bank"."certificates"."status" = 'approved') = ("credit_bank"."certificates"."record_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."credited_evidence" (
	"sha256" text PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"credited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."evidence_files" (
	"person_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_person_id_sha256_pk" PRIMARY KEY("person_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."credit_totals" (
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"credits" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "credit_totals_person_id_period_pk" PRIMARY KEY("person_id","period"),
	CONSTRAINT "credit_totals_nonnegative" CHECK ("credit_bank"."credit_totals"."credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."record_totals" (
	"person_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"credits" bigint DEFAULT 0 NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"workload_hours" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "record_totals_person_id_dimension_key_pk" PRIMARY KEY("person_id","dimension","key")
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
CREATE INDEX "import_rows_pending_idx" ON "credit_bank"."import_rows" USING btree ("import_id","index") WHERE "credit_bank"."import_rows"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "imports_institution_idx" ON "credit_bank"."imports" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "imports_status_idx" ON "credit_bank"."imports" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "providers_institution_idx" ON "credit_bank"."providers" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "providers_region_idx" ON "credit_bank"."providers" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "certificate_decisions_certificate_idx" ON "credit_bank"."certificate_decisions" USING btree ("certificate_id","id");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "credit_bank"."certificates" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "certificates_institution_status_idx" ON "credit_bank"."certificates" USING btree ("issuing_institution_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "records_source_ref_key" ON "credit_bank"."records" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "records_person_idx" ON "credit_bank"."records" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "records_person_equivalence_idx" ON "credit_bank"."records" USING btree ("person_id","equivalence_key");--> statement-breakpoint
CREATE INDEX "records_person_completed_idx" ON "credit_bank"."records" USING btree ("person_id","completed_at","id");--> statement-breakpoint
CREATE INDEX "transcript_shares_person_idx" ON "credit_bank"."transcript_shares" USING btree ("person_id","id");