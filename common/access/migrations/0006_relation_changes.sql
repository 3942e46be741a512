-- When the directory recorded a relation or last moved its end (issue 14: the candidate pool tells
-- a nightly sync who left it since its last pull). Relations recorded before this migration count
-- as recorded on the day they began to hold, as the seeds date theirs. The application stamps its
-- writes by its own clock; the default is for a row written by hand.
ALTER TABLE "access"."relations" ADD COLUMN "changed_at" timestamp with time zone;--> statement-breakpoint
UPDATE "access"."relations" SET "changed_at" = ("valid_from"::timestamp AT TIME ZONE 'UTC');--> statement-breakpoint
ALTER TABLE "access"."relations" ALTER COLUMN "changed_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "access"."relations" ALTER COLUMN "changed_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "relations_person_purpose_idx" ON "access"."relations" USING btree ("person_id","purpose");
