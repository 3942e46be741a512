CREATE SCHEMA "indications";
--> statement-breakpoint
CREATE TYPE "indications"."advice_basis" AS ENUM('ATTEST', 'ICF', 'UKW', 'WERKVLOEREVALUATIE', 'LEGACY_ZITTEND_2019');--> statement-breakpoint
CREATE TYPE "indications"."advice_decision" AS ENUM('TOEGEKEND', 'GEWEIGERD');--> statement-breakpoint
CREATE TYPE "indications"."advice_status" AS ENUM('ACTIVE', 'EXPIRED', 'ENDED', 'SUPERSEDED');--> statement-breakpoint
CREATE TYPE "indications"."advice_type" AS ENUM('CMW', 'IMW', 'AMA_SE', 'AMA_WELZIJN');--> statement-breakpoint
CREATE TYPE "indications"."ama_reason" AS ENUM('COGNITIEF', 'MEDISCH', 'PSYCHISCH', 'PSYCHIATRISCH', 'SOCIAAL');--> statement-breakpoint
CREATE TYPE "indications"."attestation_kind" AS ENUM('IT', 'IVT', 'VAPH_ERKENNING', 'LED_ONDERWIJS', 'LIGO_OF_GELIJKWAARDIG', 'BEWIJS_DETENTIEVERLEDEN', 'PMP_INDICATIE', 'WERKVLOEREVALUATIEVERSLAG', 'OTHER_MB_2018');--> statement-breakpoint
CREATE TYPE "indications"."attestation_source" AS ENUM('FOD_SZ_DG_HAN', 'VAPH', 'LED', 'VDAB');--> statement-breakpoint
CREATE TYPE "indications"."consultant_training" AS ENUM('BASIS', 'VERDIEPINGSMODULE');--> statement-breakpoint
CREATE TYPE "indications"."evaluation_outcome" AS ENUM('VERLENGD', 'INTENSITEIT_HERZIEN', 'BEEINDIGD', 'OMGEZET_NAAR_ANDER_ADVIES');--> statement-breakpoint
CREATE TYPE "indications"."evaluation_trigger" AS ENUM('MAX_5_JAAR', 'AANVRAAG_WERKNEMER', 'AANVRAAG_WERKGEVER', 'AANVRAAG_VDAB', 'EINDE_TIJDELIJK_UKW', 'AMA_DOORSTROOM');--> statement-breakpoint
CREATE TYPE "indications"."icf_input" AS ENUM('WORKFLOOR_OBSERVATION', 'BVS_REPORT', 'ASSESSMENT', 'EMPLOYER_INFO', 'INTERMEDIARY_INFO');--> statement-breakpoint
CREATE TYPE "indications"."indication_origin" AS ENUM('CITIZEN_FORM', 'VDAB_BEMIDDELAAR', 'GTB', 'OCMW_CONSULTANT', 'EMPLOYER_SPOED', 'EMPLOYER_PRIOR_ROUTING', 'AMA_DOORSTROOM');--> statement-breakpoint
CREATE TYPE "indications"."indication_procedure" AS ENUM('STANDAARD', 'SPOED', 'PRIOR_INDICERINGSROUTING');--> statement-breakpoint
CREATE TYPE "indications"."indication_route" AS ENUM('ATTEST', 'ICF', 'UKW');--> statement-breakpoint
CREATE TYPE "indications"."indication_status" AS ENUM('DRAFT', 'SUBMITTED', 'ATTEST_RETRIEVAL', 'VALIDATED', 'INFO_GATHERING', 'ICF_ASSESSED', 'SECOND_REVIEW', 'GRANTED', 'REFUSED');--> statement-breakpoint
CREATE TYPE "indications"."indicator_org" AS ENUM('VDAB', 'GTB', 'OCMW', 'INTERGEMEENTELIJK');--> statement-breakpoint
CREATE TYPE "indications"."obtained_via" AS ENUM('DATAKOPPELING', 'UPLOAD');--> statement-breakpoint
CREATE TYPE "indications"."quality_control_outcome" AS ENUM('BEVESTIGD', 'BIJGESTUURD');--> statement-breakpoint
CREATE TYPE "indications"."review_regime" AS ENUM('VIER_OGEN', 'TWEE_OGEN');--> statement-breakpoint
CREATE TYPE "indications"."second_reviewer" AS ENUM('TEAM_TOM', 'DGS');--> statement-breakpoint
CREATE TYPE "indications"."support_premium_level" AS ENUM('A', 'B', 'C', 'L');--> statement-breakpoint
CREATE TABLE "indications"."advices" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"request_id" text,
	"type" "indications"."advice_type" NOT NULL,
	"basis" "indications"."advice_basis" NOT NULL,
	"temporary" boolean DEFAULT false NOT NULL,
	"derived_from_id" text,
	"decision" "indications"."advice_decision" NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "indications"."advice_status",
	"ended_at" date,
	"hired_at" date,
	CONSTRAINT "advices_decision_check" CHECK (case when "indications"."advices"."decision" = 'TOEGEKEND'
        then "indications"."advices"."status" is not null and "indications"."advices"."valid_from" is not null and "indications"."advices"."valid_until" is not null
        else "indications"."advices"."status" is null and "indications"."advices"."valid_from" is null and "indications"."advices"."valid_until" is null end),
	CONSTRAINT "advices_validity_check" CHECK ("indications"."advices"."valid_until" >= "indications"."advices"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "indications"."attestations" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"person_id" text NOT NULL,
	"kind" "indications"."attestation_kind" NOT NULL,
	"source" "indications"."attestation_source" NOT NULL,
	"obtained_via" "indications"."obtained_via" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date
);
--> statement-breakpoint
CREATE TABLE "indications"."evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"advice_id" text NOT NULL,
	"person_id" text NOT NULL,
	"trigger" "indications"."evaluation_trigger" NOT NULL,
	"placement_id" text,
	"expert" text NOT NULL,
	"evaluated_at" date NOT NULL,
	"outcome" "indications"."evaluation_outcome" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indications"."icf_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"person_id" text NOT NULL,
	"consultant_id" text NOT NULL,
	"inputs" "indications"."icf_input"[] DEFAULT '{}' NOT NULL,
	"impairments" text[] DEFAULT '{}'::text[] NOT NULL,
	"activity_limitations" text[] DEFAULT '{}'::text[] NOT NULL,
	"personal_and_external_factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"ama_reasons" "indications"."ama_reason"[] DEFAULT '{}' NOT NULL,
	"icf_score" integer NOT NULL,
	"conclusion" text NOT NULL,
	"work_relevant_support_needs" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "icf_assessments_score_check" CHECK ("indications"."icf_assessments"."icf_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "indications"."indication_consultants" (
	"id" text PRIMARY KEY NOT NULL,
	"org" text NOT NULL,
	"name" text NOT NULL,
	"accredited" boolean NOT NULL,
	"training" "indications"."consultant_training" NOT NULL,
	"so_adviesbevoegdheid_id" text
);
--> statement-breakpoint
CREATE TABLE "indications"."indication_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"requested_type" "indications"."advice_type" NOT NULL,
	"route" "indications"."indication_route" NOT NULL,
	"procedure" "indications"."indication_procedure" NOT NULL,
	"origin" "indications"."indication_origin" NOT NULL,
	"signed_form_at" date,
	"consent_ref" text,
	"vacancy_id" text,
	"indicator_org" "indications"."indicator_org" NOT NULL,
	"consultant_id" text,
	"municipality_nis_code" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"info_complete_at" timestamp with time zone,
	"icf_started_at" timestamp with time zone,
	"consultant_advice_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"status" "indications"."indication_status" NOT NULL,
	CONSTRAINT "indication_requests_submitted_check" CHECK ("indications"."indication_requests"."status" = 'DRAFT' or ("indications"."indication_requests"."submitted_at" is not null and "indications"."indication_requests"."signed_form_at" is not null)),
	CONSTRAINT "indication_requests_decided_check" CHECK (("indications"."indication_requests"."status" in ('GRANTED', 'REFUSED')) = ("indications"."indication_requests"."decided_at" is not null)),
	CONSTRAINT "indication_requests_vacancy_check" CHECK ("indications"."indication_requests"."procedure" = 'STANDAARD' or "indications"."indication_requests"."vacancy_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "indications"."reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"person_id" text NOT NULL,
	"regime" "indications"."review_regime" NOT NULL,
	"second_reviewer" "indications"."second_reviewer",
	"sampled_for_quality_control" boolean DEFAULT false NOT NULL,
	"qc_outcome" "indications"."quality_control_outcome",
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "reviews_second_reviewer_check" CHECK ("indications"."reviews"."regime" = 'VIER_OGEN' or "indications"."reviews"."second_reviewer" is null),
	CONSTRAINT "reviews_qc_check" CHECK ("indications"."reviews"."sampled_for_quality_control" or "indications"."reviews"."qc_outcome" is null)
);
--> statement-breakpoint
CREATE TABLE "indications"."work_support_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"advice_id" text NOT NULL,
	"person_id" text NOT NULL,
	"wage_premium_pct" numeric(5, 2) NOT NULL,
	"wage_premium_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"support_premium_level" "indications"."support_premium_level" NOT NULL,
	"support_premium_cents" integer NOT NULL,
	"intensity" integer NOT NULL,
	"duration_months" integer NOT NULL,
	"increase_requests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "work_support_packages_wage_premium_check" CHECK ("indications"."work_support_packages"."wage_premium_pct" between 20 and 75),
	CONSTRAINT "work_support_packages_amounts_check" CHECK ("indications"."work_support_packages"."support_premium_cents" >= 0 and "indications"."work_support_packages"."intensity" >= 0 and "indications"."work_support_packages"."duration_months" > 0)
);
--> statement-breakpoint
ALTER TABLE "indications"."advices" ADD CONSTRAINT "advices_request_id_indication_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "indications"."indication_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."advices" ADD CONSTRAINT "advices_derived_from_id_advices_id_fk" FOREIGN KEY ("derived_from_id") REFERENCES "indications"."advices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."attestations" ADD CONSTRAINT "attestations_request_id_indication_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "indications"."indication_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."evaluations" ADD CONSTRAINT "evaluations_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "indications"."advices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."icf_assessments" ADD CONSTRAINT "icf_assessments_request_id_indication_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "indications"."indication_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."icf_assessments" ADD CONSTRAINT "icf_assessments_consultant_id_indication_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "indications"."indication_consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."indication_requests" ADD CONSTRAINT "indication_requests_consultant_id_indication_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "indications"."indication_consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."reviews" ADD CONSTRAINT "reviews_request_id_indication_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "indications"."indication_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indications"."work_support_packages" ADD CONSTRAINT "work_support_packages_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "indications"."advices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advices_person_idx" ON "indications"."advices" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "advices_request_idx" ON "indications"."advices" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "advices_derived_from_idx" ON "indications"."advices" USING btree ("derived_from_id");--> statement-breakpoint
CREATE INDEX "advices_type_idx" ON "indications"."advices" USING btree ("type");--> statement-breakpoint
CREATE INDEX "advices_status_idx" ON "indications"."advices" USING btree ("status");--> statement-breakpoint
CREATE INDEX "advices_validity_idx" ON "indications"."advices" USING btree ("valid_from","valid_until");--> statement-breakpoint
CREATE INDEX "attestations_request_idx" ON "indications"."attestations" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "attestations_person_idx" ON "indications"."attestations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "evaluations_advice_idx" ON "indications"."evaluations" USING btree ("advice_id");--> statement-breakpoint
CREATE INDEX "evaluations_person_idx" ON "indications"."evaluations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "evaluations_placement_idx" ON "indications"."evaluations" USING btree ("placement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "icf_assessments_request_key" ON "indications"."icf_assessments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "icf_assessments_person_idx" ON "indications"."icf_assessments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "icf_assessments_consultant_idx" ON "indications"."icf_assessments" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "indication_consultants_org_idx" ON "indications"."indication_consultants" USING btree ("org");--> statement-breakpoint
CREATE INDEX "indication_consultants_accredited_idx" ON "indications"."indication_consultants" USING btree ("accredited");--> statement-breakpoint
CREATE INDEX "indication_consultants_agreement_idx" ON "indications"."indication_consultants" USING btree ("so_adviesbevoegdheid_id");--> statement-breakpoint
CREATE INDEX "indication_requests_person_idx" ON "indications"."indication_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "indication_requests_consultant_idx" ON "indications"."indication_requests" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "indication_requests_vacancy_idx" ON "indications"."indication_requests" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "indication_requests_status_idx" ON "indications"."indication_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "indication_requests_type_idx" ON "indications"."indication_requests" USING btree ("requested_type");--> statement-breakpoint
CREATE INDEX "indication_requests_route_idx" ON "indications"."indication_requests" USING btree ("route");--> statement-breakpoint
CREATE INDEX "indication_requests_procedure_idx" ON "indications"."indication_requests" USING btree ("procedure");--> statement-breakpoint
CREATE INDEX "indication_requests_decided_idx" ON "indications"."indication_requests" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "indication_requests_municipality_signed_idx" ON "indications"."indication_requests" USING btree ("municipality_nis_code","signed_form_at");--> statement-breakpoint
CREATE INDEX "indication_requests_municipality_decided_idx" ON "indications"."indication_requests" USING btree ("municipality_nis_code","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_request_key" ON "indications"."reviews" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "reviews_person_idx" ON "indications"."reviews" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "reviews_regime_idx" ON "indications"."reviews" USING btree ("regime");--> statement-breakpoint
CREATE UNIQUE INDEX "work_support_packages_advice_key" ON "indications"."work_support_packages" USING btree ("advice_id");--> statement-breakpoint
CREATE INDEX "work_support_packages_person_idx" ON "indications"."work_support_packages" USING btree ("person_id");