CREATE TABLE "credit_bank"."exchange_redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"payer_type" text NOT NULL,
	"payer_id" text NOT NULL,
	"asset" text NOT NULL,
	"amount" bigint NOT NULL,
	"hold_transfer_id" uuid NOT NULL,
	"resolve_transfer_id" uuid,
	"status" text DEFAULT 'held' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	CONSTRAINT "exchange_redemptions_hold_transfer_id_unique" UNIQUE("hold_transfer_id"),
	CONSTRAINT "exchange_redemptions_resolve_transfer_id_unique" UNIQUE("resolve_transfer_id"),
	CONSTRAINT "exchange_redemptions_amount_positive" CHECK ("credit_bank"."exchange_redemptions"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."exchange_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price" bigint NOT NULL,
	"stock" integer NOT NULL,
	"offered_by_type" text NOT NULL,
	"offered_by_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_resources_stock_not_negative" CHECK ("credit_bank"."exchange_resources"."stock" >= 0),
	CONSTRAINT "exchange_resources_price_positive" CHECK ("credit_bank"."exchange_resources"."price" > 0)
);
--> statement-breakpoint
ALTER TABLE "credit_bank"."exchange_redemptions" ADD CONSTRAINT "exchange_redemptions_resource_id_exchange_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "credit_bank"."exchange_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_redemptions_person_idx" ON "credit_bank"."exchange_redemptions" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "exchange_redemptions_resource_idx" ON "credit_bank"."exchange_redemptions" USING btree ("resource_id","id");--> statement-breakpoint
CREATE INDEX "exchange_redemptions_held_idx" ON "credit_bank"."exchange_redemptions" USING btree ("expires_at") WHERE "credit_bank"."exchange_redemptions"."status" = 'held';--> statement-breakpoint
CREATE INDEX "exchange_resources_region_kind_idx" ON "credit_bank"."exchange_resources" USING btree ("region_id","kind","id");