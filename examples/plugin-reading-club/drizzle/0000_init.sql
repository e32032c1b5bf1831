CREATE SCHEMA "reading_club";
--> statement-breakpoint
CREATE TABLE "reading_club"."clubs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_club"."meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_club"."members" (
	"club_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_club_id_person_id_pk" PRIMARY KEY("club_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "reading_club"."reading_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"club_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"pages" integer NOT NULL,
	"minutes" integer NOT NULL,
	"finished" boolean DEFAULT false NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reading_club"."meetings" ADD CONSTRAINT "meetings_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "reading_club"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_club"."members" ADD CONSTRAINT "members_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "reading_club"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_club"."reading_logs" ADD CONSTRAINT "reading_logs_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "reading_club"."clubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clubs_region_id_idx" ON "reading_club"."clubs" USING btree ("region_id","id");--> statement-breakpoint
CREATE INDEX "meetings_club_id_at_idx" ON "reading_club"."meetings" USING btree ("club_id","at");--> statement-breakpoint
CREATE INDEX "reading_logs_club_id_id_idx" ON "reading_club"."reading_logs" USING btree ("club_id","id");