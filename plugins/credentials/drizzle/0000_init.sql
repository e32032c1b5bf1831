CREATE SCHEMA "credentials";
--> statement-breakpoint
CREATE TABLE "credentials"."issued" (
	"person_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid,
	"record_ids" jsonb NOT NULL,
	"status_index" integer NOT NULL,
	"ldp" jsonb NOT NULL,
	"jwt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "issued_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "credentials"."issuer_keys" (
	"region_id" text NOT NULL,
	"id" uuid NOT NULL,
	"fragment" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"seal_key_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "issuer_keys_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "credentials"."status_lists" (
	"region_id" text PRIMARY KEY NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"bits" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "issued_by_id" ON "credentials"."issued" USING btree ("id");--> statement-breakpoint
CREATE INDEX "issued_by_record" ON "credentials"."issued" USING btree ("person_id","record_id");--> statement-breakpoint
CREATE INDEX "issuer_keys_fragment" ON "credentials"."issuer_keys" USING btree ("region_id","fragment");