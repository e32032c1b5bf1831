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
CREATE INDEX "certificate_decisions_certificate_idx" ON "credit_bank"."certificate_decisions" USING btree ("certificate_id","id");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "credit_bank"."certificates" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "certificates_institution_status_idx" ON "credit_bank"."certificates" USING btree ("issuing_institution_id","status","id");