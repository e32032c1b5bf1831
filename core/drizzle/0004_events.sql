CREATE TABLE "core"."event_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"key" text NOT NULL,
	"event_seq" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_id" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "event_deliveries_status_check" CHECK ("core"."event_deliveries"."status" in ('pending', 'delivered', 'skipped', 'dead')),
	CONSTRAINT "event_deliveries_attempts_check" CHECK ("core"."event_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "core"."event_subscriptions" (
	"subscriber" text PRIMARY KEY NOT NULL,
	"event_name" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "core"."events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"key" text NOT NULL,
	"region_id" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fanned_out_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "core"."event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "core"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_deliveries_event_subscriber_idx" ON "core"."event_deliveries" USING btree ("event_id","subscriber");--> statement-breakpoint
CREATE INDEX "event_deliveries_due_idx" ON "core"."event_deliveries" USING btree ("available_at") WHERE "core"."event_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "event_deliveries_key_order_idx" ON "core"."event_deliveries" USING btree ("subscriber","key","event_seq") WHERE "core"."event_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "event_deliveries_dead_idx" ON "core"."event_deliveries" USING btree ("id") WHERE "core"."event_deliveries"."status" = 'dead';--> statement-breakpoint
CREATE INDEX "events_unfanned_idx" ON "core"."events" USING btree ("seq") WHERE "core"."events"."fanned_out_at" is null;--> statement-breakpoint
CREATE INDEX "events_unfanned_key_idx" ON "core"."events" USING btree ("key","seq") WHERE "core"."events"."fanned_out_at" is null;--> statement-breakpoint
CREATE INDEX "events_created_at_idx" ON "core"."events" USING btree ("created_at");