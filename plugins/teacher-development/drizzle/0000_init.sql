CREATE SCHEMA "teacher_development";
--> statement-breakpoint
CREATE TABLE "teacher_development"."course_versions" (
	"course_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"stage" text NOT NULL,
	"level" text NOT NULL,
	"learning_outcomes" jsonb NOT NULL,
	"workload_hours" double precision NOT NULL,
	"review_note" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_versions_course_id_version_pk" PRIMARY KEY("course_id","version"),
	CONSTRAINT "course_versions_workload_positive" CHECK ("teacher_development"."course_versions"."workload_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"institution_id" uuid,
	"live_version" integer,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."lessons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"media" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."media" (
	"teacher_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_teacher_id_sha256_pk" PRIMARY KEY("teacher_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"course_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"access" text NOT NULL,
	"asset" text,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"transfer_ids" jsonb NOT NULL,
	"shares" jsonb,
	"enrolled_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"award_status" text,
	"award_record_id" text,
	"credits" text,
	"points" text,
	CONSTRAINT "enrolments_amount_not_negative" CHECK ("teacher_development"."enrolments"."amount_paid" >= 0)
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."lesson_progress" (
	"enrolment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"state" text NOT NULL,
	"percent" integer NOT NULL,
	"seconds_spent" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "lesson_progress_enrolment_id_lesson_id_pk" PRIMARY KEY("enrolment_id","lesson_id"),
	CONSTRAINT "lesson_progress_percent_range" CHECK ("teacher_development"."lesson_progress"."percent" between 0 and 100),
	CONSTRAINT "lesson_progress_seconds_not_negative" CHECK ("teacher_development"."lesson_progress"."seconds_spent" >= 0)
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."ratings" (
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"review" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_course_id_person_id_pk" PRIMARY KEY("course_id","person_id"),
	CONSTRAINT "ratings_stars_range" CHECK ("teacher_development"."ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."course_prices" (
	"course_id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"asset" text NOT NULL,
	"price" bigint NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."price_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"asset" text NOT NULL,
	"price" bigint NOT NULL,
	"previous_price" bigint,
	"reason" text NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."quality_scores" (
	"teacher_id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"score_bps" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"suggestions" jsonb NOT NULL,
	"in_database" boolean NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."recommendation_entries" (
	"list_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score_bps" integer NOT NULL,
	"confirmed" boolean NOT NULL,
	CONSTRAINT "recommendation_entries_list_id_teacher_id_pk" PRIMARY KEY("list_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."recommendation_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"event" text NOT NULL,
	"state" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"studio_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"state" text NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"no_show_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."guidance_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"institution_id" uuid,
	"description" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."guidance_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"state" text NOT NULL,
	"note" text,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."studio_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "studio_slots_ends_after_start" CHECK ("teacher_development"."studio_slots"."ends_at" > "teacher_development"."studio_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."studios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"equipment" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."teachers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"subjects" jsonb NOT NULL,
	"institution_ids" jsonb NOT NULL,
	"bio" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."signing_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"textbook_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."textbook_sales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"textbook_id" uuid NOT NULL,
	"bookseller_institution_id" uuid NOT NULL,
	"report_ref" text NOT NULL,
	"copies" integer NOT NULL,
	"gross" bigint NOT NULL,
	"royalty" bigint NOT NULL,
	"publisher_share" bigint NOT NULL,
	"asset" text NOT NULL,
	"transfer_ids" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "textbook_sales_copies_positive" CHECK ("teacher_development"."textbook_sales"."copies" > 0)
);
--> statement-breakpoint
CREATE TABLE "teacher_development"."textbooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"teacher_person_id" uuid NOT NULL,
	"publisher_institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"state" text NOT NULL,
	"review_note" text,
	"isbn" text,
	"price" bigint,
	"asset" text,
	"proposed_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "textbooks_price_positive" CHECK ("teacher_development"."textbooks"."price" is null or "teacher_development"."textbooks"."price" > 0)
);
--> statement-breakpoint
ALTER TABLE "teacher_development"."course_versions" ADD CONSTRAINT "course_versions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "teacher_development"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."lesson_progress" ADD CONSTRAINT "lesson_progress_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "teacher_development"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."recommendation_entries" ADD CONSTRAINT "recommendation_entries_list_id_recommendation_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "teacher_development"."recommendation_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."bookings" ADD CONSTRAINT "bookings_slot_id_studio_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "teacher_development"."studio_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."guidance_steps" ADD CONSTRAINT "guidance_steps_request_id_guidance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "teacher_development"."guidance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."studio_slots" ADD CONSTRAINT "studio_slots_studio_id_studios_id_fk" FOREIGN KEY ("studio_id") REFERENCES "teacher_development"."studios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."signing_events" ADD CONSTRAINT "signing_events_textbook_id_textbooks_id_fk" FOREIGN KEY ("textbook_id") REFERENCES "teacher_development"."textbooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_development"."textbook_sales" ADD CONSTRAINT "textbook_sales_textbook_id_textbooks_id_fk" FOREIGN KEY ("textbook_id") REFERENCES "teacher_development"."textbooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_versions_one_open_key" ON "teacher_development"."course_versions" USING btree ("course_id") WHERE "teacher_development"."course_versions"."status" in ('draft', 'submitted', 'reviewed');--> statement-breakpoint
CREATE INDEX "courses_region_idx" ON "teacher_development"."courses" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "courses_teacher_idx" ON "teacher_development"."courses" USING btree ("teacher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lessons_course_version_position_key" ON "teacher_development"."lessons" USING btree ("course_id","version","position");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_course_person_key" ON "teacher_development"."enrolments" USING btree ("course_id","person_id");--> statement-breakpoint
CREATE INDEX "enrolments_person_idx" ON "teacher_development"."enrolments" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "lesson_progress_course_idx" ON "teacher_development"."lesson_progress" USING btree ("course_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "price_history_course_idx" ON "teacher_development"."price_history" USING btree ("course_id","id");--> statement-breakpoint
CREATE INDEX "quality_scores_region_idx" ON "teacher_development"."quality_scores" USING btree ("region_id","in_database","score_bps");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_per_slot_key" ON "teacher_development"."bookings" USING btree ("slot_id") WHERE "teacher_development"."bookings"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "bookings_teacher_idx" ON "teacher_development"."bookings" USING btree ("teacher_id","id");--> statement-breakpoint
CREATE INDEX "guidance_requests_region_idx" ON "teacher_development"."guidance_requests" USING btree ("region_id","state","id");--> statement-breakpoint
CREATE INDEX "guidance_steps_request_idx" ON "teacher_development"."guidance_steps" USING btree ("request_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "studio_slots_studio_start_key" ON "teacher_development"."studio_slots" USING btree ("studio_id","starts_at");--> statement-breakpoint
CREATE INDEX "studios_region_idx" ON "teacher_development"."studios" USING btree ("region_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "teachers_region_person_key" ON "teacher_development"."teachers" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "teachers_region_status_idx" ON "teacher_development"."teachers" USING btree ("region_id","status","id");--> statement-breakpoint
CREATE INDEX "signing_events_region_idx" ON "teacher_development"."signing_events" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "textbook_sales_report_key" ON "teacher_development"."textbook_sales" USING btree ("bookseller_institution_id","report_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "textbooks_isbn_key" ON "teacher_development"."textbooks" USING btree ("isbn");--> statement-breakpoint
CREATE INDEX "textbooks_region_idx" ON "teacher_development"."textbooks" USING btree ("region_id","state","id");