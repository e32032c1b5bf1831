CREATE TABLE "reading_club"."point_accounts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL
);
