ALTER TABLE "teacher_development"."media" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
CREATE INDEX "media_institution_idx" ON "teacher_development"."media" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "media_uploaded_at_idx" ON "teacher_development"."media" USING btree ("uploaded_at");