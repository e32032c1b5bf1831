CREATE SCHEMA "quality_control";
--> statement-breakpoint
CREATE TABLE "quality_control"."actions" (
	"id" uuid NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"region_id" text NOT NULL,
	"institution_id" uuid,
	"code" text NOT NULL,
	"alert_id" uuid,
	"diagnosis" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"baseline_period" text NOT NULL,
	"status" text NOT NULL,
	"margin" double precision NOT NULL,
	"baseline_value" double precision,
	"next_value" double precision,
	"verdict" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "actions_scope_id_id_pk" PRIMARY KEY("scope_id","id")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."aggregates" (
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"element" text NOT NULL,
	"period_type" text NOT NULL,
	"period" text NOT NULL,
	"total" double precision NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "aggregates_scope_id_scope_type_element_period_type_period_pk" PRIMARY KEY("scope_id","scope_type","element","period_type","period")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."alerts" (
	"id" uuid NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"region_id" text NOT NULL,
	"institution_id" uuid,
	"code" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"target" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"owner_role" text NOT NULL,
	"owner_person_id" uuid,
	"status" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "alerts_scope_id_id_pk" PRIMARY KEY("scope_id","id")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."data_points" (
	"id" uuid NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"region_id" text NOT NULL,
	"element" text NOT NULL,
	"occurred_on" text NOT NULL,
	"value" double precision NOT NULL,
	"subject_person_id" uuid,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_points_scope_id_id_pk" PRIMARY KEY("scope_id","id")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."indicators" (
	"region_id" text NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indicators_region_id_code_version_pk" PRIMARY KEY("region_id","code","version")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."region_packs" (
	"region_id" text NOT NULL,
	"pack_id" text NOT NULL,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "region_packs_region_id_pack_id_pk" PRIMARY KEY("region_id","pack_id")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."scopes" (
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"region_id" text NOT NULL,
	"institution_id" uuid,
	"parent_type" text NOT NULL,
	"parent_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scopes_scope_type_scope_id_pk" PRIMARY KEY("scope_type","scope_id")
);
--> statement-breakpoint
CREATE TABLE "quality_control"."targets" (
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"code" text NOT NULL,
	"period" text NOT NULL,
	"target" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"margin" double precision NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "targets_scope_id_scope_type_code_period_pk" PRIMARY KEY("scope_id","scope_type","code","period")
);
--> statement-breakpoint
CREATE INDEX "actions_region_idx" ON "quality_control"."actions" USING btree ("region_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_once_per_period" ON "quality_control"."alerts" USING btree ("scope_id","scope_type","code","period");--> statement-breakpoint
CREATE INDEX "alerts_region_idx" ON "quality_control"."alerts" USING btree ("region_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_points_source_key" ON "quality_control"."data_points" USING btree ("scope_id","source_key");--> statement-breakpoint
CREATE INDEX "data_points_scope_element_idx" ON "quality_control"."data_points" USING btree ("scope_id","element","occurred_on");--> statement-breakpoint
CREATE INDEX "scopes_parent_idx" ON "quality_control"."scopes" USING btree ("parent_type","parent_id");