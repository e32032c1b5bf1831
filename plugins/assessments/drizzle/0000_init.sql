CREATE SCHEMA "assessments";
--> statement-breakpoint
CREATE TABLE "assessments"."attempts" (
	"id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"timed_out" boolean DEFAULT false NOT NULL,
	"items" jsonb NOT NULL,
	"responses" jsonb NOT NULL,
	"results" jsonb,
	"earned_milli" integer,
	"max_milli" integer NOT NULL,
	"score_basis_points" integer,
	"passed" boolean,
	CONSTRAINT "attempts_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessments"."banks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments"."items" (
	"id" uuid NOT NULL,
	"bank_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"skills" jsonb NOT NULL,
	"level" text,
	"points" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "items_bank_id_id_pk" PRIMARY KEY("bank_id","id"),
	CONSTRAINT "items_points_positive" CHECK ("assessments"."items"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "assessments"."forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"selection" jsonb NOT NULL,
	"item_ids" jsonb NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"pass_percent" integer NOT NULL,
	"max_attempts" integer,
	"cooldown_seconds" integer NOT NULL,
	"reveal_answers" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "forms_pass_percent_range" CHECK ("assessments"."forms"."pass_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "assessments"."attempts" ADD CONSTRAINT "attempts_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "assessments"."forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments"."items" ADD CONSTRAINT "items_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "assessments"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments"."forms" ADD CONSTRAINT "forms_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "assessments"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempts_form_person_idx" ON "assessments"."attempts" USING btree ("form_id","person_id","id");--> statement-breakpoint
CREATE INDEX "attempts_form_idx" ON "assessments"."attempts" USING btree ("form_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_one_in_progress" ON "assessments"."attempts" USING btree ("form_id","person_id") WHERE "assessments"."attempts"."status" = 'inProgress';--> statement-breakpoint
CREATE INDEX "attempts_deadline_idx" ON "assessments"."attempts" USING btree ("expires_at") WHERE "assessments"."attempts"."status" = 'inProgress';--> statement-breakpoint
CREATE INDEX "banks_region_idx" ON "assessments"."banks" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "banks_owner_idx" ON "assessments"."banks" USING btree ("owner_person_id","id");--> statement-breakpoint
CREATE INDEX "forms_bank_idx" ON "assessments"."forms" USING btree ("bank_id","id");--> statement-breakpoint
CREATE INDEX "forms_region_status_idx" ON "assessments"."forms" USING btree ("region_id","status","id");