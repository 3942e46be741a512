CREATE SCHEMA "maatwerk";
--> statement-breakpoint
CREATE TYPE "maatwerk"."contingent_measure" AS ENUM('CMW', 'LDE');--> statement-breakpoint
CREATE TYPE "maatwerk"."dutch_requirement" AS ENUM('NONE', 'A1', 'A2', 'B1', 'B2', 'C1');--> statement-breakpoint
CREATE TYPE "maatwerk"."employer_type" AS ENUM('MAATWERKBEDRIJF', 'MAATWERKAFDELING', 'SOCIALE_TEWERKSTELLINGSONDERNEMING', 'LDE_ORGANISATIE', 'REGULIERE_WERKGEVER', 'INTERIMKANTOOR', 'ZELFSTANDIGE', 'LOKAAL_BESTUUR');--> statement-breakpoint
CREATE TYPE "maatwerk"."failure_reason" AS ENUM('SKILLS_MISMATCH', 'SUPPORT_NEED_TOO_HIGH', 'MOBILITY', 'HEALTH', 'CANDIDATE_DECLINED', 'NO_SHOW', 'CONTRACT_TERMS', 'JOB_NO_LONGER_AVAILABLE', 'OTHER');--> statement-breakpoint
CREATE TYPE "maatwerk"."federation" AS ENUM('GROEP_MAATWERK', 'HERWIN', 'KOEPEL_LDE', 'NONE');--> statement-breakpoint
CREATE TYPE "maatwerk"."placement_end_reason" AS ENUM('DOORSTROOM_REGULIER', 'TERUGKEER_CM', 'EINDE_CONTRACT', 'ONTSLAG', 'OTHER');--> statement-breakpoint
CREATE TYPE "maatwerk"."placement_status" AS ENUM('ACTIVE', 'ENDED');--> statement-breakpoint
CREATE TYPE "maatwerk"."placement_type" AS ENUM('CMW', 'IMW', 'ENCLAVE', 'AMA_SE', 'BVS', 'TWE_OCMW', 'IBO', 'OS', 'BIS', 'WES', 'WIJK_WERKEN');--> statement-breakpoint
CREATE TYPE "maatwerk"."referral_origin" AS ENUM('VDAB_TOELEIDING', 'DIRECT_BY_CITIZEN', 'SPOED', 'PRIOR_ROUTING', 'OCMW');--> statement-breakpoint
CREATE TYPE "maatwerk"."referral_status" AS ENUM('PROPOSED', 'CONTACTED', 'INTAKE', 'BVS', 'HIRED', 'REJECTED_BY_EMPLOYER', 'DECLINED_BY_CANDIDATE', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "maatwerk"."vacancy_measure" AS ENUM('CMW', 'IMW', 'LDE', 'AMA_SE_PLAATS', 'BVS_PLAATS');--> statement-breakpoint
CREATE TYPE "maatwerk"."vacancy_status" AS ENUM('OPEN', 'FILLED', 'CLOSED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "maatwerk"."contingents" (
	"id" text PRIMARY KEY NOT NULL,
	"employer_id" text NOT NULL,
	"measure" "maatwerk"."contingent_measure" NOT NULL,
	"year" integer NOT NULL,
	"vte_allotted" numeric(8, 1) NOT NULL,
	"vte_filled" numeric(8, 1) NOT NULL,
	CONSTRAINT "contingents_vte_check" CHECK ("maatwerk"."contingents"."vte_allotted" >= 0 and "maatwerk"."contingents"."vte_filled" >= 0)
);
--> statement-breakpoint
CREATE TABLE "maatwerk"."employers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" "maatwerk"."employer_type" NOT NULL,
	"federation" "maatwerk"."federation" DEFAULT 'NONE' NOT NULL,
	"legal_form" text NOT NULL,
	"enterprise_number" text NOT NULL,
	"municipality_nis_code" text,
	"target_group_share" numeric(3, 2),
	"vte" numeric(8, 1) NOT NULL,
	"icf_training_followed" boolean DEFAULT false NOT NULL,
	"offers_bvs" boolean DEFAULT false NOT NULL,
	CONSTRAINT "employers_target_group_share_check" CHECK ("maatwerk"."employers"."target_group_share" between 0 and 1),
	CONSTRAINT "employers_vte_check" CHECK ("maatwerk"."employers"."vte" >= 0)
);
--> statement-breakpoint
CREATE TABLE "maatwerk"."placements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"employer_id" text NOT NULL,
	"host_employer_id" text,
	"advice_id" text,
	"referral_id" text,
	"type" "maatwerk"."placement_type" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"fte" numeric(3, 2) NOT NULL,
	"wop_ref" text,
	"qualified_guide" text,
	"colleague_coach" text,
	"status" "maatwerk"."placement_status" NOT NULL,
	"end_reason" "maatwerk"."placement_end_reason",
	"unpaid" boolean DEFAULT false NOT NULL,
	CONSTRAINT "placements_enclave_check" CHECK (("maatwerk"."placements"."type" = 'ENCLAVE') = ("maatwerk"."placements"."host_employer_id" is not null)
        and "maatwerk"."placements"."host_employer_id" is distinct from "maatwerk"."placements"."employer_id"),
	CONSTRAINT "placements_ama_se_check" CHECK ("maatwerk"."placements"."type" <> 'AMA_SE' or ("maatwerk"."placements"."unpaid" and "maatwerk"."placements"."wop_ref" is null)),
	CONSTRAINT "placements_end_check" CHECK (("maatwerk"."placements"."status" = 'ENDED') = ("maatwerk"."placements"."end_reason" is not null)
        and ("maatwerk"."placements"."status" <> 'ENDED' or "maatwerk"."placements"."end_date" is not null)
        and ("maatwerk"."placements"."end_date" is null or "maatwerk"."placements"."end_date" >= "maatwerk"."placements"."start_date")),
	CONSTRAINT "placements_fte_check" CHECK ("maatwerk"."placements"."fte" > 0 and "maatwerk"."placements"."fte" <= 1)
);
--> statement-breakpoint
CREATE TABLE "maatwerk"."referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"vacancy_id" text,
	"employer_id" text NOT NULL,
	"origin" "maatwerk"."referral_origin" NOT NULL,
	"match_basis" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "maatwerk"."referral_status" NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"failure_reason" "maatwerk"."failure_reason",
	"failure_text" text,
	"failure_given_at" timestamp with time zone,
	CONSTRAINT "referrals_failure_feedback_check" CHECK (("maatwerk"."referrals"."status" not in ('REJECTED_BY_EMPLOYER', 'DECLINED_BY_CANDIDATE', 'WITHDRAWN')
          or ("maatwerk"."referrals"."failure_reason" is not null and "maatwerk"."referrals"."failure_given_at" is not null))
        and ("maatwerk"."referrals"."failure_reason" is null
          or "maatwerk"."referrals"."status" in ('HIRED', 'REJECTED_BY_EMPLOYER', 'DECLINED_BY_CANDIDATE', 'WITHDRAWN'))
        and ("maatwerk"."referrals"."failure_reason" is distinct from 'OTHER'
          or length(trim(coalesce("maatwerk"."referrals"."failure_text", ''))) > 0)),
	CONSTRAINT "referrals_status_changed_check" CHECK ("maatwerk"."referrals"."status_changed_at" >= "maatwerk"."referrals"."proposed_at")
);
--> statement-breakpoint
CREATE TABLE "maatwerk"."support_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"person_id" text NOT NULL,
	"drawn_up_at" date NOT NULL,
	"guide_is_direct_colleague" boolean NOT NULL,
	"guide_duty_arrangements" text[] NOT NULL,
	"colleague_coach_duty_arrangements" text[] DEFAULT '{}'::text[] NOT NULL,
	"review_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	CONSTRAINT "support_plans_duties_check" CHECK (cardinality("maatwerk"."support_plans"."guide_duty_arrangements") = 8
        and cardinality("maatwerk"."support_plans"."colleague_coach_duty_arrangements") =
          case when "maatwerk"."support_plans"."guide_is_direct_colleague" then 0 else 4 end)
);
--> statement-breakpoint
CREATE TABLE "maatwerk"."vacancies" (
	"id" text PRIMARY KEY NOT NULL,
	"employer_id" text NOT NULL,
	"measure" "maatwerk"."vacancy_measure" NOT NULL,
	"job_title" text NOT NULL,
	"activity" text NOT NULL,
	"municipality_nis_code" text NOT NULL,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"language_requirement" "maatwerk"."dutch_requirement" NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"positions" integer DEFAULT 1 NOT NULL,
	"reserved_for_ticket_holders" boolean NOT NULL,
	"status" "maatwerk"."vacancy_status" NOT NULL,
	"opened_at" date NOT NULL,
	"closed_at" date,
	CONSTRAINT "vacancies_reserved_check" CHECK (("maatwerk"."vacancies"."measure" <> 'CMW' or "maatwerk"."vacancies"."reserved_for_ticket_holders")
        and ("maatwerk"."vacancies"."measure" <> 'IMW' or not "maatwerk"."vacancies"."reserved_for_ticket_holders")),
	CONSTRAINT "vacancies_closed_check" CHECK (("maatwerk"."vacancies"."status" = 'OPEN') = ("maatwerk"."vacancies"."closed_at" is null)
        and ("maatwerk"."vacancies"."closed_at" is null or "maatwerk"."vacancies"."closed_at" >= "maatwerk"."vacancies"."opened_at")),
	CONSTRAINT "vacancies_positions_check" CHECK ("maatwerk"."vacancies"."positions" > 0),
	CONSTRAINT "vacancies_hours_check" CHECK ("maatwerk"."vacancies"."hours_per_week" > 0 and "maatwerk"."vacancies"."hours_per_week" <= 50)
);
--> statement-breakpoint
ALTER TABLE "maatwerk"."contingents" ADD CONSTRAINT "contingents_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "maatwerk"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."placements" ADD CONSTRAINT "placements_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "maatwerk"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."placements" ADD CONSTRAINT "placements_host_employer_id_employers_id_fk" FOREIGN KEY ("host_employer_id") REFERENCES "maatwerk"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."placements" ADD CONSTRAINT "placements_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "maatwerk"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."referrals" ADD CONSTRAINT "referrals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "maatwerk"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."referrals" ADD CONSTRAINT "referrals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "maatwerk"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."support_plans" ADD CONSTRAINT "support_plans_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "maatwerk"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maatwerk"."vacancies" ADD CONSTRAINT "vacancies_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "maatwerk"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contingents_employer_measure_year_key" ON "maatwerk"."contingents" USING btree ("employer_id","measure","year");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_enterprise_number_key" ON "maatwerk"."employers" USING btree ("enterprise_number");--> statement-breakpoint
CREATE INDEX "employers_type_idx" ON "maatwerk"."employers" USING btree ("type");--> statement-breakpoint
CREATE INDEX "employers_federation_idx" ON "maatwerk"."employers" USING btree ("federation");--> statement-breakpoint
CREATE INDEX "employers_municipality_idx" ON "maatwerk"."employers" USING btree ("municipality_nis_code");--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "maatwerk"."placements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placements_employer_idx" ON "maatwerk"."placements" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "placements_host_employer_idx" ON "maatwerk"."placements" USING btree ("host_employer_id");--> statement-breakpoint
CREATE INDEX "placements_advice_idx" ON "maatwerk"."placements" USING btree ("advice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_referral_key" ON "maatwerk"."placements" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "placements_status_idx" ON "maatwerk"."placements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "placements_type_idx" ON "maatwerk"."placements" USING btree ("type");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "maatwerk"."referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_vacancy_idx" ON "maatwerk"."referrals" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "referrals_employer_idx" ON "maatwerk"."referrals" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "maatwerk"."referrals" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plans_placement_key" ON "maatwerk"."support_plans" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "support_plans_person_idx" ON "maatwerk"."support_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "vacancies_employer_idx" ON "maatwerk"."vacancies" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "vacancies_measure_idx" ON "maatwerk"."vacancies" USING btree ("measure");--> statement-breakpoint
CREATE INDEX "vacancies_status_idx" ON "maatwerk"."vacancies" USING btree ("status");--> statement-breakpoint
CREATE INDEX "vacancies_municipality_status_idx" ON "maatwerk"."vacancies" USING btree ("municipality_nis_code","status");--> statement-breakpoint
CREATE INDEX "vacancies_language_idx" ON "maatwerk"."vacancies" USING btree ("language_requirement");--> statement-breakpoint
CREATE INDEX "vacancies_tags_idx" ON "maatwerk"."vacancies" USING gin ("tags");