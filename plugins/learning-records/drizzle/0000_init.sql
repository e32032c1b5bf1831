CREATE SCHEMA "learning_records";
--> statement-breakpoint
CREATE TABLE "learning_records"."credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "learning_records"."statements" (
	"lrs_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stored" timestamp (3) with time zone NOT NULL,
	"credential_id" uuid NOT NULL,
	"verb_id" text NOT NULL,
	"agent_ifis" text[] NOT NULL,
	"related_agent_ifis" text[] NOT NULL,
	"activity_id" text,
	"related_activity_ids" text[] NOT NULL,
	"registration" uuid,
	"voids_id" uuid,
	"voided" boolean DEFAULT false NOT NULL,
	"person_id" uuid,
	"statement" jsonb NOT NULL,
	CONSTRAINT "statements_lrs_id_id_pk" PRIMARY KEY("lrs_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_key" ON "learning_records"."credentials" USING btree ("key");--> statement-breakpoint
CREATE INDEX "credentials_institution" ON "learning_records"."credentials" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "statements_stored" ON "learning_records"."statements" USING btree ("lrs_id","stored","id");--> statement-breakpoint
CREATE INDEX "statements_verb" ON "learning_records"."statements" USING btree ("lrs_id","verb_id","stored","id");--> statement-breakpoint
CREATE INDEX "statements_activity" ON "learning_records"."statements" USING btree ("lrs_id","activity_id","stored","id");--> statement-breakpoint
CREATE INDEX "statements_registration" ON "learning_records"."statements" USING btree ("lrs_id","registration","stored","id") WHERE "learning_records"."statements"."registration" is not null;--> statement-breakpoint
CREATE INDEX "statements_voids" ON "learning_records"."statements" USING btree ("lrs_id","voids_id") WHERE "learning_records"."statements"."voids_id" is not null;--> statement-breakpoint
CREATE INDEX "statements_person" ON "learning_records"."statements" USING btree ("person_id") WHERE "learning_records"."statements"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "statements_agents" ON "learning_records"."statements" USING gin ("agent_ifis");--> statement-breakpoint
CREATE INDEX "statements_related_agents" ON "learning_records"."statements" USING gin ("related_agent_ifis");--> statement-breakpoint
CREATE INDEX "statements_related_activities" ON "learning_records"."statements" USING gin ("related_activity_ids");