CREATE SCHEMA "agreements";
--> statement-breakpoint
CREATE TYPE "agreements"."action_status" AS ENUM('PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "agreements"."agreement_status" AS ENUM('DRAFT', 'SIGNED', 'ACTIVE', 'EVALUATION', 'RENEWED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "agreements"."agreement_target_group" AS ENUM('WZW_MULTI', 'LEEFLOON_EQ', 'NBAZU', 'NBA_MET_UITKERING');--> statement-breakpoint
CREATE TYPE "agreements"."agreement_type" AS ENUM('SO_VDAB_LOKAAL_BESTUUR', 'SO_ADVIESBEVOEGDHEID_INDICERING', 'VDAB_VVSG_PARTNERSCHAP', 'WERKINGSKADER', 'VL_FED_SAMENWERKINGSAKKOORD', 'PROTOCOL_VDAB_MAATWERKSECTOR', 'LOKAAL_PARTNERSCHAP');--> statement-breakpoint
CREATE TYPE "agreements"."pact_status" AS ENUM('INVITED', 'CONFIRMED', 'PLAN_ALIGNED', 'RESULT_PERIOD', 'REPORTED', 'SETTLED', 'PAID', 'DECLINED');--> statement-breakpoint
CREATE TYPE "agreements"."partnership_kind" AS ENUM('SE_EN_WERK', 'LOKAAL_PARTNERSCHAP', 'OTHER');--> statement-breakpoint
CREATE TYPE "agreements"."party_kind" AS ENUM('VDAB', 'MUNICIPALITY', 'INTERMUNICIPAL_PARTNERSHIP', 'REGIEGEBIED', 'VVSG', 'MAATWERKSECTOR', 'OTHER');--> statement-breakpoint
CREATE TABLE "agreements"."action_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"year" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements"."activation_pact_participations" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_nis_code" text NOT NULL,
	"year" integer NOT NULL,
	"status" "agreements"."pact_status" NOT NULL,
	"confirmed_at" date,
	"plan_aligned_with_vdab" boolean DEFAULT false NOT NULL,
	"in_so_action_plan" boolean DEFAULT false NOT NULL,
	"rmi_count" integer NOT NULL,
	"ukr_count" integer NOT NULL,
	"leefloon_base" integer NOT NULL,
	"baseline_rate" double precision NOT NULL,
	"activated_registered" integer,
	"max_amount_cents" integer,
	"floor" integer NOT NULL,
	"eligible" integer,
	"payout_cents" integer,
	"council_report_at" date
);
--> statement-breakpoint
CREATE TABLE "agreements"."agreement_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"action_plan_id" text NOT NULL,
	"title" text NOT NULL,
	"target_group" "agreements"."agreement_target_group",
	"owner" text NOT NULL,
	"status" "agreements"."action_status" NOT NULL,
	"deadline" date,
	"qualitative_indicator" text
);
--> statement-breakpoint
CREATE TABLE "agreements"."agreement_parties" (
	"agreement_id" text NOT NULL,
	"kind" "agreements"."party_kind" NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_kind_ref_pk" PRIMARY KEY("agreement_id","kind","ref")
);
--> statement-breakpoint
CREATE TABLE "agreements"."collaboration_agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"type" "agreements"."agreement_type" NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date,
	"target_groups" "agreements"."agreement_target_group"[] DEFAULT '{}' NOT NULL,
	"omgevingsanalyse" text,
	"doelstellingen" text,
	"acties" text,
	"taakverdeling" text,
	"indicatoren_streefcijfers" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"samenwerkingslijn" boolean DEFAULT false NOT NULL,
	"response_deadline_days" integer,
	"overlegforum" text,
	"status" "agreements"."agreement_status" NOT NULL,
	"signed_at" date
);
--> statement-breakpoint
CREATE TABLE "agreements"."intermunicipal_partnerships" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "agreements"."partnership_kind" NOT NULL,
	"reference_region_id" text
);
--> statement-breakpoint
CREATE TABLE "agreements"."municipalities" (
	"nis_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"arrondissement_nis" text NOT NULL,
	"population" integer NOT NULL,
	"centrumstad" boolean DEFAULT false NOT NULL,
	"grootstad" boolean DEFAULT false NOT NULL,
	"reference_region_id" text NOT NULL,
	"regiegebied_id" text
);
--> statement-breakpoint
CREATE TABLE "agreements"."partnership_members" (
	"partnership_id" text NOT NULL,
	"municipality_nis_code" text NOT NULL,
	CONSTRAINT "partnership_members_partnership_id_municipality_nis_code_pk" PRIMARY KEY("partnership_id","municipality_nis_code")
);
--> statement-breakpoint
CREATE TABLE "agreements"."provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"nis_code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "provinces_nis_code_unique" UNIQUE("nis_code")
);
--> statement-breakpoint
CREATE TABLE "agreements"."reference_regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements"."regiegebieden" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreements"."action_plans" ADD CONSTRAINT "action_plans_agreement_id_collaboration_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreements"."collaboration_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."activation_pact_participations" ADD CONSTRAINT "activation_pact_participations_municipality_nis_code_municipalities_nis_code_fk" FOREIGN KEY ("municipality_nis_code") REFERENCES "agreements"."municipalities"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."agreement_actions" ADD CONSTRAINT "agreement_actions_action_plan_id_action_plans_id_fk" FOREIGN KEY ("action_plan_id") REFERENCES "agreements"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_collaboration_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreements"."collaboration_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."intermunicipal_partnerships" ADD CONSTRAINT "intermunicipal_partnerships_reference_region_id_reference_regions_id_fk" FOREIGN KEY ("reference_region_id") REFERENCES "agreements"."reference_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."municipalities" ADD CONSTRAINT "municipalities_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "agreements"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."municipalities" ADD CONSTRAINT "municipalities_reference_region_id_reference_regions_id_fk" FOREIGN KEY ("reference_region_id") REFERENCES "agreements"."reference_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."municipalities" ADD CONSTRAINT "municipalities_regiegebied_id_regiegebieden_id_fk" FOREIGN KEY ("regiegebied_id") REFERENCES "agreements"."regiegebieden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_intermunicipal_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "agreements"."intermunicipal_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements"."partnership_members" ADD CONSTRAINT "partnership_members_municipality_nis_code_municipalities_nis_code_fk" FOREIGN KEY ("municipality_nis_code") REFERENCES "agreements"."municipalities"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_agreement_year_idx" ON "agreements"."action_plans" USING btree ("agreement_id","year");--> statement-breakpoint
CREATE INDEX "action_plans_year_idx" ON "agreements"."action_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "activation_pact_participations_municipality_year_idx" ON "agreements"."activation_pact_participations" USING btree ("municipality_nis_code","year");--> statement-breakpoint
CREATE INDEX "activation_pact_participations_year_idx" ON "agreements"."activation_pact_participations" USING btree ("year");--> statement-breakpoint
CREATE INDEX "activation_pact_participations_status_idx" ON "agreements"."activation_pact_participations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "agreement_actions_plan_idx" ON "agreements"."agreement_actions" USING btree ("action_plan_id");--> statement-breakpoint
CREATE INDEX "agreement_actions_status_idx" ON "agreements"."agreement_actions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "agreement_parties_kind_ref_idx" ON "agreements"."agreement_parties" USING btree ("kind","ref");--> statement-breakpoint
CREATE INDEX "collaboration_agreements_type_idx" ON "agreements"."collaboration_agreements" USING btree ("type");--> statement-breakpoint
CREATE INDEX "collaboration_agreements_status_idx" ON "agreements"."collaboration_agreements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "collaboration_agreements_period_idx" ON "agreements"."collaboration_agreements" USING btree ("period_start","period_end");--> statement-breakpoint
CREATE INDEX "intermunicipal_partnerships_kind_idx" ON "agreements"."intermunicipal_partnerships" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "intermunicipal_partnerships_reference_region_idx" ON "agreements"."intermunicipal_partnerships" USING btree ("reference_region_id");--> statement-breakpoint
CREATE INDEX "municipalities_province_idx" ON "agreements"."municipalities" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "municipalities_reference_region_idx" ON "agreements"."municipalities" USING btree ("reference_region_id");--> statement-breakpoint
CREATE INDEX "municipalities_regiegebied_idx" ON "agreements"."municipalities" USING btree ("regiegebied_id");--> statement-breakpoint
CREATE INDEX "municipalities_centrumstad_idx" ON "agreements"."municipalities" USING btree ("centrumstad");--> statement-breakpoint
CREATE INDEX "partnership_members_municipality_idx" ON "agreements"."partnership_members" USING btree ("municipality_nis_code");--> statement-breakpoint
CREATE VIEW "agreements"."agreement_coverage" AS (select p.agreement_id, p.ref as municipality_nis_code
      from agreements.agreement_parties p
      where p.kind = 'MUNICIPALITY'
    union
    select p.agreement_id, m.municipality_nis_code
      from agreements.agreement_parties p
      join agreements.partnership_members m on m.partnership_id = p.ref
      where p.kind = 'INTERMUNICIPAL_PARTNERSHIP'
    union
    select p.agreement_id, g.nis_code
      from agreements.agreement_parties p
      join agreements.municipalities g on g.regiegebied_id = p.ref
      where p.kind = 'REGIEGEBIED');