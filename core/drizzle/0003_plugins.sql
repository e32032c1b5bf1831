CREATE TABLE "core"."region_plugins" (
	"region_id" text NOT NULL,
	"plugin_id" text NOT NULL,
	"enabled" boolean NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "region_plugins_region_id_plugin_id_pk" PRIMARY KEY("region_id","plugin_id")
);
--> statement-breakpoint
ALTER TABLE "core"."region_plugins" ADD CONSTRAINT "region_plugins_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "core"."regions"("id") ON DELETE no action ON UPDATE no action;