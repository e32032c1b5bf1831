CREATE TABLE "learning_records"."documents" (
	"lrs_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"activity_id" text NOT NULL,
	"agent_ifi" text NOT NULL,
	"registration" text NOT NULL,
	"document_id" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"etag" text NOT NULL,
	"updated" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "documents_lrs_id_id_pk" PRIMARY KEY("lrs_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "documents_key" ON "learning_records"."documents" USING btree ("lrs_id","kind","activity_id","agent_ifi","registration","document_id");