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
CREATE INDEX "import_rows_pending_idx" ON "credit_bank"."import_rows" USING btree ("import_id","index") WHERE "credit_bank"."import_rows"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "imports_institution_idx" ON "credit_bank"."imports" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "imports_status_idx" ON "credit_bank"."imports" USING btree ("status","id");