CREATE TABLE "core"."audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"region_id" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."group_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"invitee_id" uuid NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "core"."group_members" (
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "core"."groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"region_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."guardianships" (
	"minor_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardianships_minor_id_guardian_id_pk" PRIMARY KEY("minor_id","guardian_id")
);
--> statement-breakpoint
CREATE TABLE "core"."institutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_id" text NOT NULL,
	"accreditation" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."passwords" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"learner_number" text NOT NULL,
	"legal_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"national_id_scheme" text NOT NULL,
	"national_id_hmac" text NOT NULL,
	"national_id_ciphertext" text NOT NULL,
	"national_id_key_id" text NOT NULL,
	"national_id_masked" text NOT NULL,
	"status" text DEFAULT 'unverified' NOT NULL,
	"region_id" text NOT NULL,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "people_learner_number_unique" UNIQUE("learner_number"),
	CONSTRAINT "people_national_id_hmac_unique" UNIQUE("national_id_hmac")
);
--> statement-breakpoint
CREATE TABLE "core"."role_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core"."sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"refresh_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refresh_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sessions_refresh_hash_unique" UNIQUE("refresh_hash")
);
--> statement-breakpoint
CREATE TABLE "core"."sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_throttles_failures_positive" CHECK ("core"."sign_in_throttles"."failures" > 0)
);
--> statement-breakpoint
CREATE TABLE "core"."regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."api_keys" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."api_keys" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "core"."api_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."group_invitations" ADD CONSTRAINT "group_invitations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "core"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."group_invitations" ADD CONSTRAINT "group_invitations_invitee_id_people_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."group_invitations" ADD CONSTRAINT "group_invitations_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "core"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."group_members" ADD CONSTRAINT "group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."groups" ADD CONSTRAINT "groups_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "core"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."groups" ADD CONSTRAINT "groups_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."guardianships" ADD CONSTRAINT "guardianships_minor_id_people_id_fk" FOREIGN KEY ("minor_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."guardianships" ADD CONSTRAINT "guardianships_guardian_id_people_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."institutions" ADD CONSTRAINT "institutions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "core"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."passwords" ADD CONSTRAINT "passwords_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."people" ADD CONSTRAINT "people_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "core"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."role_grants" ADD CONSTRAINT "role_grants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "core"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "core"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_region_idx" ON "core"."audit_log" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "core"."audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "core"."audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "group_invitations_invitee_idx" ON "core"."group_invitations" USING btree ("invitee_id");--> statement-breakpoint
CREATE INDEX "group_invitations_group_idx" ON "core"."group_invitations" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_members_person_idx" ON "core"."group_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "groups_type_idx" ON "core"."groups" USING btree ("type");--> statement-breakpoint
CREATE INDEX "guardianships_guardian_idx" ON "core"."guardianships" USING btree ("guardian_id");--> statement-breakpoint
CREATE INDEX "institutions_region_idx" ON "core"."institutions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "people_region_idx" ON "core"."people" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "role_grants_person_idx" ON "core"."role_grants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_active_unique" ON "core"."role_grants" USING btree ("person_id","role","scope_type",coalesce("scope_id", '')) WHERE "core"."role_grants"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "core"."sessions" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "core"."api_keys" ADD CONSTRAINT "api_keys_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "core"."institutions"("id") ON DELETE no action ON UPDATE no action;