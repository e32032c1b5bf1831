CREATE TABLE "core"."notifications" (
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_id" text,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_person_id_id_pk" PRIMARY KEY("person_id","id")
);
