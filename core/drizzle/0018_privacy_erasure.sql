CREATE TABLE "core"."erasure_requests" (
	"person_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"outcome" jsonb,
	CONSTRAINT "erasure_requests_person_id_id_pk" PRIMARY KEY("person_id","id"),
	CONSTRAINT "erasure_requests_status_known" CHECK ("core"."erasure_requests"."status" in ('pending', 'approved', 'rejected', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "core"."people" DROP CONSTRAINT "people_status_known";--> statement-breakpoint
ALTER TABLE "core"."people" ALTER COLUMN "date_of_birth" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."people" ALTER COLUMN "national_id_hmac" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."people" ALTER COLUMN "national_id_ciphertext" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."people" ALTER COLUMN "national_id_key_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."people" ALTER COLUMN "national_id_masked" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."people" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "erasure_requests_region_status_idx" ON "core"."erasure_requests" USING btree ("region_id","status","id");--> statement-breakpoint
ALTER TABLE "core"."people" ADD CONSTRAINT "people_erased_empty" CHECK (("core"."people"."status" = 'erased') = ("core"."people"."legal_name" = '' and "core"."people"."date_of_birth" is null and "core"."people"."national_id_hmac" is null and "core"."people"."national_id_ciphertext" is null and "core"."people"."national_id_masked" is null and "core"."people"."display_name" is null and "core"."people"."erased_at" is not null));--> statement-breakpoint
ALTER TABLE "core"."people" ADD CONSTRAINT "people_status_known" CHECK ("core"."people"."status" in ('unverified', 'verified', 'rejected', 'revoked', 'merged', 'erased'));