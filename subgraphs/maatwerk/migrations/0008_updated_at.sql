-- When a workflow last wrote a vacancy, referral or placement (issue 14: `changedSince` for a
-- partner's nightly sync). Rows from before this migration are backfilled with their last dated
-- event, as the seeds date theirs: a vacancy's closing or opening, a referral's last move or
-- feedback, a placement's end or start. The application stamps its writes by its own clock; the
-- default is for a row written by hand.
ALTER TABLE "maatwerk"."placements" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maatwerk"."referrals" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maatwerk"."vacancies" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
UPDATE "maatwerk"."placements" SET "updated_at" =
  ((CASE WHEN "status" = 'ENDED' THEN "end_date" ELSE "start_date" END)::timestamp AT TIME ZONE 'UTC');--> statement-breakpoint
UPDATE "maatwerk"."referrals" SET "updated_at" =
  greatest("status_changed_at", coalesce("failure_given_at", "status_changed_at"));--> statement-breakpoint
UPDATE "maatwerk"."vacancies" SET "updated_at" =
  (coalesce("closed_at", "opened_at")::timestamp AT TIME ZONE 'UTC');--> statement-breakpoint
ALTER TABLE "maatwerk"."placements" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "maatwerk"."referrals" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "maatwerk"."vacancies" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "maatwerk"."placements" ALTER COLUMN "updated_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "maatwerk"."referrals" ALTER COLUMN "updated_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "maatwerk"."vacancies" ALTER COLUMN "updated_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "placements_updated_at_idx" ON "maatwerk"."placements" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "referrals_updated_at_idx" ON "maatwerk"."referrals" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "vacancies_updated_at_idx" ON "maatwerk"."vacancies" USING btree ("updated_at");
