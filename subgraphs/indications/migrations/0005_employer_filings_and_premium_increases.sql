CREATE TYPE "indications"."premium_increase_status" AS ENUM('PENDING', 'ACCEPTED', 'REFUSED');--> statement-breakpoint
CREATE SEQUENCE "indications"."premium_increase_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "indications"."premium_increase_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"package_id" text NOT NULL,
	"advice_id" text NOT NULL,
	"person_id" text NOT NULL,
	"employer_id" text NOT NULL,
	"requested_at" date NOT NULL,
	"motivation" text NOT NULL,
	"level_at_request" "indications"."support_premium_level" NOT NULL,
	"requested_level" "indications"."support_premium_level",
	"status" "indications"."premium_increase_status" NOT NULL,
	"decided_at" timestamp with time zone,
	"new_level" "indications"."support_premium_level",
	"refusal_reason" text,
	CONSTRAINT "premium_increase_requests_decision_check" CHECK (("indications"."premium_increase_requests"."status" = 'PENDING') = ("indications"."premium_increase_requests"."decided_at" is null)
        and ("indications"."premium_increase_requests"."status" = 'ACCEPTED') = ("indications"."premium_increase_requests"."new_level" is not null)
        and ("indications"."premium_increase_requests"."status" = 'REFUSED') = ("indications"."premium_increase_requests"."refusal_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ALTER COLUMN "municipality_nis_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ADD COLUMN "filed_by" text;--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ADD COLUMN "employer_information" text;--> statement-breakpoint
ALTER TABLE "indications"."premium_increase_requests" ADD CONSTRAINT "premium_increase_requests_package_id_work_support_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "indications"."work_support_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."premium_increase_requests" ADD CONSTRAINT "premium_increase_requests_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "indications"."advices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "premium_increase_requests_package_idx" ON "indications"."premium_increase_requests" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "premium_increase_requests_person_idx" ON "indications"."premium_increase_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "premium_increase_requests_employer_idx" ON "indications"."premium_increase_requests" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "premium_increase_requests_status_idx" ON "indications"."premium_increase_requests" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "premium_increase_requests_pending_key" ON "indications"."premium_increase_requests" USING btree ("package_id","employer_id") WHERE "indications"."premium_increase_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "indication_requests_filed_by_idx" ON "indications"."indication_requests" USING btree ("filed_by");--> statement-breakpoint
-- The increase requests kept inside each package until now become rows of their own, numbered in
-- package order. The old records kept no level asked for, no decision day and no refusal reason:
-- an accepted one is taken to have brought the level the package has now, a decided one to have
-- been decided on the day it was asked, a refused one says that its reason was not recorded.
INSERT INTO "indications"."premium_increase_requests" ("id", "package_id", "advice_id", "person_id", "employer_id", "requested_at", "motivation", "level_at_request", "requested_level", "status", "decided_at", "new_level", "refusal_reason")
SELECT 'PIR-' || lpad((row_number() OVER (ORDER BY p."id", r.position))::text, 6, '0'),
  p."id", p."advice_id", p."person_id", r.value->>'employerId', (r.value->>'requestedAt')::date,
  r.value->>'motivation', p."support_premium_level", NULL,
  (CASE r.value->>'outcome' WHEN 'TOEGEKEND' THEN 'ACCEPTED' WHEN 'GEWEIGERD' THEN 'REFUSED' ELSE 'PENDING' END)::"indications"."premium_increase_status",
  CASE WHEN r.value->>'outcome' IS NULL THEN NULL ELSE ((r.value->>'requestedAt')::date)::timestamptz END,
  CASE WHEN r.value->>'outcome' = 'TOEGEKEND' THEN p."support_premium_level" END,
  CASE WHEN r.value->>'outcome' = 'GEWEIGERD' THEN 'Refused before refusal reasons were recorded.' END
FROM "indications"."work_support_packages" p
  CROSS JOIN LATERAL jsonb_array_elements(p."increase_requests") WITH ORDINALITY AS r(value, position);--> statement-breakpoint
SELECT setval('indications.premium_increase_numbers', (SELECT count(*) FROM "indications"."premium_increase_requests") + 1, false);--> statement-breakpoint
ALTER TABLE "indications"."work_support_packages" DROP COLUMN "increase_requests";--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ADD CONSTRAINT "indication_requests_filed_by_check" CHECK (("indications"."indication_requests"."filed_by" is null or "indications"."indication_requests"."origin" in ('EMPLOYER_SPOED', 'EMPLOYER_PRIOR_ROUTING'))
        and ("indications"."indication_requests"."filed_by" is null) = ("indications"."indication_requests"."employer_information" is null));--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ADD CONSTRAINT "indication_requests_municipality_check" CHECK ("indications"."indication_requests"."municipality_nis_code" is not null or ("indications"."indication_requests"."filed_by" is not null and "indications"."indication_requests"."status" = 'SUBMITTED'));