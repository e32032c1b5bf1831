CREATE SCHEMA "evaluation_consultation";
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."actions" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "actions_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."affiliations" (
	"expert_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"until" text NOT NULL,
	CONSTRAINT "affiliations_expert_id_institution_id_pk" PRIMARY KEY("expert_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."comments" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report_version" integer NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"response" text,
	"accepted" boolean,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	CONSTRAINT "comments_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."complaints" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"text" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "complaints_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."engagements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"school_institution_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"template_key" text NOT NULL,
	"template_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"stage_index" integer NOT NULL,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"stage_due_at" timestamp with time zone,
	"status" text NOT NULL,
	"suspended_reason" text,
	"self_evaluation_submitted_at" timestamp with time zone,
	"action_plan_agreed_at" timestamp with time zone,
	"reminded_stage" integer,
	"overdue_notified_stage" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."evidence" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"latest_version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."evidence_versions" (
	"engagement_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"indicator_codes" jsonb NOT NULL,
	"file_sha256" text,
	"content_type" text,
	"size" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_versions_engagement_id_evidence_id_version_pk" PRIMARY KEY("engagement_id","evidence_id","version")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"regions" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"available" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."findings" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"indicator_code" text,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "findings_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."grades" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source" text NOT NULL,
	"visit_id" uuid,
	"indicator_code" text NOT NULL,
	"grade" integer NOT NULL,
	"value" double precision,
	"rationale" text NOT NULL,
	"evidence_ids" jsonb NOT NULL,
	"graded_by" uuid NOT NULL,
	"graded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grades_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."history" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "history_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."members" (
	"engagement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"expert_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "members_engagement_id_person_id_role_pk" PRIMARY KEY("engagement_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."milestones" (
	"engagement_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"key" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "milestones_engagement_id_stage_key_key_pk" PRIMARY KEY("engagement_id","stage_key","key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."ratings" (
	"engagement_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"rated_by" uuid NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_engagement_id_expert_id_pk" PRIMARY KEY("engagement_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."reports" (
	"engagement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"window_closes_at" timestamp with time zone,
	CONSTRAINT "reports_engagement_id_version_pk" PRIMARY KEY("engagement_id","version")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."solutions" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "solutions_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_consultation"."visits" (
	"engagement_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"planned_for" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"notes" text,
	CONSTRAINT "visits_engagement_id_id_pk" PRIMARY KEY("engagement_id","id")
);
--> statement-breakpoint
CREATE INDEX "engagements_region_idx" ON "evaluation_consultation"."engagements" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "engagements_due_idx" ON "evaluation_consultation"."engagements" USING btree ("status","stage_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_person_idx" ON "evaluation_consultation"."experts" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "members_person_idx" ON "evaluation_consultation"."members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "ratings_expert_idx" ON "evaluation_consultation"."ratings" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_key_version_idx" ON "evaluation_consultation"."templates" USING btree ("region_id","key","version");