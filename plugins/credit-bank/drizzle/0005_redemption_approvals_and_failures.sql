ALTER TABLE "credit_bank"."exchange_redemptions" ADD COLUMN "approval_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "credit_bank"."exchange_redemptions" ADD COLUMN "approval_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credit_bank"."exchange_redemptions" ADD COLUMN "expiry_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_bank"."exchange_redemptions" ADD COLUMN "expiry_failure_reason" text;--> statement-breakpoint
ALTER TABLE "credit_bank"."exchange_redemptions" ADD COLUMN "expiry_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credit_bank"."pool_spend_requests" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "exchange_redemptions_awaiting_idx" ON "credit_bank"."exchange_redemptions" USING btree ("expires_at") WHERE "credit_bank"."exchange_redemptions"."status" = 'pending-approval';