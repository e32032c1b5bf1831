CREATE SCHEMA "industry_support";
--> statement-breakpoint
CREATE TABLE "industry_support"."consents" (
	"person_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"status" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_person_id_need_id_pk" PRIMARY KEY("person_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."match_snapshots" (
	"person_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"score_basis_points" integer NOT NULL,
	"region_id" text NOT NULL,
	CONSTRAINT "match_snapshots_person_id_need_id_at_pk" PRIMARY KEY("person_id","need_id","at")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."need_versions" (
	"need_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "need_versions_need_id_version_pk" PRIMARY KEY("need_id","version")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."needs" (
	"id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation_id" uuid,
	"skills" jsonb NOT NULL,
	"headcount" integer NOT NULL,
	"deadline" date,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "needs_id_pk" PRIMARY KEY("id")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."declared_skills" (
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "declared_skills_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."evidence_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_support"."crosswalks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"from_skill_id" uuid NOT NULL,
	"to_skill_id" uuid NOT NULL,
	"match" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_support"."imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"file" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"status" text NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "industry_support"."occupation_skills" (
	"taxonomy_id" uuid NOT NULL,
	"occupation_external_id" text NOT NULL,
	"skill_external_id" text NOT NULL,
	"relation" text NOT NULL,
	"importance" real,
	"level" real,
	CONSTRAINT "occupation_skills_taxonomy_id_occupation_external_id_skill_external_id_pk" PRIMARY KEY("taxonomy_id","occupation_external_id","skill_external_id")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."occupations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"uri" text,
	"code" text,
	"isco_code" text,
	"label" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_support"."skill_links" (
	"taxonomy_id" uuid NOT NULL,
	"from_external_id" text NOT NULL,
	"relation" text NOT NULL,
	"to_external_id" text NOT NULL,
	CONSTRAINT "skill_links_taxonomy_id_from_external_id_relation_to_external_id_pk" PRIMARY KEY("taxonomy_id","from_external_id","relation","to_external_id")
);
--> statement-breakpoint
CREATE TABLE "industry_support"."skills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"uri" text,
	"label" text NOT NULL,
	"description" text NOT NULL,
	"skill_type" text
);
--> statement-breakpoint
CREATE TABLE "industry_support"."taxonomies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"licence" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"imported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "consents_need_idx" ON "industry_support"."consents" USING btree ("need_id","status");--> statement-breakpoint
CREATE INDEX "match_snapshots_need_idx" ON "industry_support"."match_snapshots" USING btree ("need_id","at");--> statement-breakpoint
CREATE INDEX "needs_region_idx" ON "industry_support"."needs" USING btree ("region_id","status","id");--> statement-breakpoint
CREATE INDEX "needs_institution_idx" ON "industry_support"."needs" USING btree ("institution_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_rules_source_idx" ON "industry_support"."evidence_rules" USING btree ("region_id","source_kind","source_ref","skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crosswalks_pair_idx" ON "industry_support"."crosswalks" USING btree ("region_id","from_skill_id","to_skill_id");--> statement-breakpoint
CREATE INDEX "crosswalks_to_idx" ON "industry_support"."crosswalks" USING btree ("region_id","to_skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_file_idx" ON "industry_support"."imports" USING btree ("taxonomy_id","file");--> statement-breakpoint
CREATE INDEX "imports_status_idx" ON "industry_support"."imports" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "occupations_external_idx" ON "industry_support"."occupations" USING btree ("taxonomy_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_external_idx" ON "industry_support"."skills" USING btree ("taxonomy_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomies_version_idx" ON "industry_support"."taxonomies" USING btree ("region_id","code","version");