CREATE TABLE "credit_bank"."pool_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"learner_number" text NOT NULL,
	"amount" bigint NOT NULL,
	"transfer_id" uuid NOT NULL,
	"redemption_id" uuid,
	"spend_request_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pool_movements_transfer_id_unique" UNIQUE("transfer_id"),
	CONSTRAINT "pool_movements_amount_positive" CHECK ("credit_bank"."pool_movements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."pool_spend_approvals" (
	"request_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pool_spend_approvals_request_id_person_id_pk" PRIMARY KEY("request_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "credit_bank"."pool_spend_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"region_id" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"approvals_required" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"redemption_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"executed_at" timestamp with time zone,
	CONSTRAINT "pool_spend_requests_redemption_id_unique" UNIQUE("redemption_id")
);
--> statement-breakpoint
ALTER TABLE "credit_bank"."pool_spend_approvals" ADD CONSTRAINT "pool_spend_approvals_request_id_pool_spend_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "credit_bank"."pool_spend_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_movements_group_idx" ON "credit_bank"."pool_movements" USING btree ("group_id","id");--> statement-breakpoint
CREATE INDEX "pool_spend_requests_group_idx" ON "credit_bank"."pool_spend_requests" USING btree ("group_id","id");