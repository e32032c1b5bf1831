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
CREATE INDEX "providers_institution_idx" ON "credit_bank"."providers" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "providers_region_idx" ON "credit_bank"."providers" USING btree ("region_id","id");