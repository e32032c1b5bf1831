CREATE SCHEMA "community";
--> statement-breakpoint
CREATE TABLE "community"."appeal_messages" (
	"id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"appeal_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appeal_messages_post_id_id_pk" PRIMARY KEY("post_id","id")
);
--> statement-breakpoint
CREATE TABLE "community"."appeals" (
	"id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "appeals_post_id_id_pk" PRIMARY KEY("post_id","id")
);
--> statement-breakpoint
CREATE TABLE "community"."suspensions" (
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"days" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "suspensions_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "community"."needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"stage" text NOT NULL,
	"format" text,
	"bounty_points" bigint NOT NULL,
	"status" text NOT NULL,
	"escrow_transfer_id" uuid NOT NULL,
	"payout_transfer_id" uuid,
	"accepted_offer_id" uuid,
	"deadline" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "needs_bounty_positive" CHECK ("community"."needs"."bounty_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "community"."offers" (
	"id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"provider_person_id" uuid NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offers_need_id_id_pk" PRIMARY KEY("need_id","id")
);
--> statement-breakpoint
CREATE TABLE "community"."actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"actor_person_id" uuid,
	"action" text NOT NULL,
	"post_id" uuid,
	"subject_person_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community"."flags" (
	"id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"flagger_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "flags_post_id_id_pk" PRIMARY KEY("post_id","id")
);
--> statement-breakpoint
CREATE TABLE "community"."members" (
	"person_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"posts_read" integer DEFAULT 0 NOT NULL,
	"posts_published" integer DEFAULT 0 NOT NULL,
	"upheld_flags_against" integer DEFAULT 0 NOT NULL,
	"flags_upheld" integer DEFAULT 0 NOT NULL,
	"flags_rejected" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"trust_level" integer DEFAULT 0 NOT NULL,
	"locked_level" integer,
	"suspended_until" timestamp with time zone,
	"is_moderator" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "members_person_id_region_id_pk" PRIMARY KEY("person_id","region_id"),
	CONSTRAINT "members_trust_level_range" CHECK ("community"."members"."trust_level" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "community"."post_reads" (
	"post_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "post_reads_post_id_person_id_pk" PRIMARY KEY("post_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "community"."posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"topics" jsonb NOT NULL,
	"status" text NOT NULL,
	"spam_signals" jsonb NOT NULL,
	"link_count" integer NOT NULL,
	"open_flags" integer DEFAULT 0 NOT NULL,
	"file_sha256" text,
	"file_content_type" text,
	"file_name" text,
	"file_size" integer,
	"file_attached_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"moderated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community"."appeal_messages" ADD CONSTRAINT "appeal_messages_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "community"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."appeals" ADD CONSTRAINT "appeals_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "community"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."offers" ADD CONSTRAINT "offers_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "community"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."flags" ADD CONSTRAINT "flags_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "community"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community"."post_reads" ADD CONSTRAINT "post_reads_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "community"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "needs_region_status_idx" ON "community"."needs" USING btree ("region_id","status","id");--> statement-breakpoint
CREATE INDEX "needs_open_deadline_idx" ON "community"."needs" USING btree ("status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_per_provider" ON "community"."offers" USING btree ("need_id","provider_person_id");--> statement-breakpoint
CREATE INDEX "actions_region_idx" ON "community"."actions" USING btree ("region_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "flags_one_per_person" ON "community"."flags" USING btree ("post_id","flagger_person_id");--> statement-breakpoint
CREATE INDEX "members_moderators_idx" ON "community"."members" USING btree ("region_id","is_moderator");--> statement-breakpoint
CREATE INDEX "posts_region_status_idx" ON "community"."posts" USING btree ("region_id","status","id");--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "community"."posts" USING btree ("author_person_id","created_at");