CREATE SCHEMA "persons";
--> statement-breakpoint
CREATE TYPE "persons"."action_outcome" AS ENUM('ONGOING', 'COMPLETED', 'STOPPED_EARLY', 'NOT_STARTED');--> statement-breakpoint
CREATE TYPE "persons"."assistance_type" AS ENUM('LEEFLOON', 'EQUIVALENT_LEEFLOON', 'RMI_TEWERKSTELLING', 'MAATSCHAPPELIJKE_HULP');--> statement-breakpoint
CREATE TYPE "persons"."client_status" AS ENUM('RMI_GRANTED', 'SOCIAL_INVESTIGATION', 'EXEMPT', 'REGISTRATION_REQUIRED', 'REGISTERED_VDAB', 'IN_TRAJECTORY', 'TWE_OCMW', 'WORK', 'NON_COMPLIANCE', 'EXIT');--> statement-breakpoint
CREATE TYPE "persons"."consent_type" AS ENUM('ATTEST_DATAKOPPELING', 'OCMW_INSCHRIJVINGSMANDAAT', 'PARTNER_DOSSIER_SHARING', 'PROFILE_VISIBLE_TO_EMPLOYERS');--> statement-breakpoint
CREATE TYPE "persons"."education_level" AS ENUM('KORT', 'MIDDEN', 'HOOG');--> statement-breakpoint
CREATE TYPE "persons"."employment_type" AS ENUM('NONE', 'REGULAR', 'SOCIAL_ECONOMY', 'TWE_OCMW', 'INTERIM', 'SELF_EMPLOYED');--> statement-breakpoint
CREATE TYPE "persons"."exemption_reason" AS ENUM('BILLIJKHEID', 'GEZONDHEID', 'NIET_ARBEIDSRIJP');--> statement-breakpoint
CREATE TYPE "persons"."gender" AS ENUM('F', 'M', 'X');--> statement-breakpoint
CREATE TYPE "persons"."instrument" AS ENUM('BVS', 'IBO', 'OS', 'BIS', 'WES', 'WIJK_WERKEN', 'TWE_OCMW', 'AMA_SE', 'TRAINING', 'NT2', 'MENTORING', 'JOB_SUGGESTION');--> statement-breakpoint
CREATE TYPE "persons"."labour_market_status" AS ENUM('NWWZ', 'WZW_MULTIPROBLEMATIEK', 'NBA_MET_UITKERING', 'NBA_ZONDER_UITKERING', 'WERKEND', 'INTERIM');--> statement-breakpoint
CREATE TYPE "persons"."language_level" AS ENUM('NONE', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2');--> statement-breakpoint
CREATE TYPE "persons"."mobility" AS ENUM('CAR', 'PUBLIC_TRANSPORT', 'BICYCLE_OR_WALKING', 'LIMITED');--> statement-breakpoint
CREATE TYPE "persons"."occupation_cluster" AS ENUM('BOUW_EN_HOUT', 'DIENSTEN_AAN_PERSONEN_EN_BEDRIJVEN', 'BUSINESS_SUPPORT_RETAIL_ICT', 'INDUSTRIE', 'TRANSPORT_EN_LOGISTIEK', 'ZORG_EN_ONDERWIJS');--> statement-breakpoint
CREATE TYPE "persons"."regie" AS ENUM('OCMW', 'VDAB');--> statement-breakpoint
CREATE TYPE "persons"."registration_category" AS ENUM('CAT_05_OCMW', 'VRIJE_WERKZOEKENDE', 'BEROEPSINSCHAKELINGSTIJD', 'OTHER');--> statement-breakpoint
CREATE TYPE "persons"."registration_duty" AS ENUM('VERPLICHT', 'VRIJGESTELD');--> statement-breakpoint
CREATE TYPE "persons"."sanction_kind" AS ENUM('SCHORSING_LEEFLOON', 'WAARSCHUWING', 'OTHER');--> statement-breakpoint
CREATE TYPE "persons"."spi_exemption" AS ENUM('STUDIETRAJECT', 'STARTPERIODE_TEWERKSTELLING');--> statement-breakpoint
CREATE TYPE "persons"."transmission_kind" AS ENUM('NIET_NAKOMEN_AFSPRAKEN', 'WERKONWILLIGHEID');--> statement-breakpoint
CREATE TYPE "persons"."work_readiness" AS ENUM('ARBEIDSRIJP', 'NIET_ARBEIDSRIJP', 'IN_ONDERZOEK');--> statement-breakpoint
CREATE TABLE "persons"."consents" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"type" "persons"."consent_type" NOT NULL,
	"granted_to" text NOT NULL,
	"scope" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "persons"."employment_outcomes" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"reference_date" date NOT NULL,
	"employed" boolean NOT NULL,
	"employment_type" "persons"."employment_type" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."handovers" (
	"id" text PRIMARY KEY NOT NULL,
	"trajectory_id" text NOT NULL,
	"from_regie" "persons"."regie" NOT NULL,
	"to_regie" "persons"."regie" NOT NULL,
	"handed_over_at" date NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "persons"."persons" (
	"id" text PRIMARY KEY NOT NULL,
	"insz" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" "persons"."gender" NOT NULL,
	"education_level" "persons"."education_level" NOT NULL,
	"dutch_level" "persons"."language_level" NOT NULL,
	"english_level" "persons"."language_level" NOT NULL,
	"residence_nis_code" text NOT NULL,
	"activity_preferences" text[] DEFAULT '{}'::text[] NOT NULL,
	"mobility" "persons"."mobility" NOT NULL,
	"occupation_cluster" "persons"."occupation_cluster",
	"labour_market_status" "persons"."labour_market_status" NOT NULL,
	"months_without_regular_paid_job" integer DEFAULT 0 NOT NULL,
	"neet" boolean DEFAULT false NOT NULL,
	"inburgeraar" boolean DEFAULT false NOT NULL,
	"detention_history" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."sanctions" (
	"id" text PRIMARY KEY NOT NULL,
	"record_id" text NOT NULL,
	"person_id" text NOT NULL,
	"kind" "persons"."sanction_kind" NOT NULL,
	"imposed_at" date NOT NULL,
	"until" date,
	"motivation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."social_assistance_records" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"ocmw_nis_code" text NOT NULL,
	"type" "persons"."assistance_type" NOT NULL,
	"gpmi" boolean DEFAULT false NOT NULL,
	"granted_at" date NOT NULL,
	"ended_at" date,
	"client_status" "persons"."client_status" NOT NULL,
	"spi_exemption" "persons"."spi_exemption",
	"spi_exemption_from" date,
	"spi_exemption_until" date,
	"last_social_investigation" date,
	"registration_duty" "persons"."registration_duty" NOT NULL,
	"exemption_reason" "persons"."exemption_reason",
	"exemption_review_due" date,
	"work_readiness" "persons"."work_readiness" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."temporary_protections" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"dvz_registered_at" date NOT NULL,
	"valid_until" date NOT NULL,
	"equivalent_leefloon" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."trajectories" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"regie" "persons"."regie" NOT NULL,
	"started_at" date NOT NULL,
	"ended_at" date
);
--> statement-breakpoint
CREATE TABLE "persons"."trajectory_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"trajectory_id" text NOT NULL,
	"instrument" "persons"."instrument" NOT NULL,
	"provider" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"outcome" "persons"."action_outcome" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons"."transmissions" (
	"id" text PRIMARY KEY NOT NULL,
	"trajectory_id" text NOT NULL,
	"kind" "persons"."transmission_kind" NOT NULL,
	"sent_at" date NOT NULL,
	"description" text NOT NULL,
	"ocmw_feedback" text,
	"feedback_at" date,
	"sanction_id" text
);
--> statement-breakpoint
CREATE TABLE "persons"."vdab_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"registered" boolean NOT NULL,
	"category" "persons"."registration_category" NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"mediator" text,
	"partner_org" text,
	"on_samenwerkingslijn" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons"."consents" ADD CONSTRAINT "consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."employment_outcomes" ADD CONSTRAINT "employment_outcomes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."handovers" ADD CONSTRAINT "handovers_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "persons"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."sanctions" ADD CONSTRAINT "sanctions_record_id_social_assistance_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "persons"."social_assistance_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."sanctions" ADD CONSTRAINT "sanctions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."social_assistance_records" ADD CONSTRAINT "social_assistance_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."temporary_protections" ADD CONSTRAINT "temporary_protections_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."trajectories" ADD CONSTRAINT "trajectories_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."trajectory_actions" ADD CONSTRAINT "trajectory_actions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "persons"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."transmissions" ADD CONSTRAINT "transmissions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "persons"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."transmissions" ADD CONSTRAINT "transmissions_sanction_id_sanctions_id_fk" FOREIGN KEY ("sanction_id") REFERENCES "persons"."sanctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons"."vdab_registrations" ADD CONSTRAINT "vdab_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "persons"."consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employment_outcomes_person_idx" ON "persons"."employment_outcomes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "handovers_trajectory_idx" ON "persons"."handovers" USING btree ("trajectory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_insz_key" ON "persons"."persons" USING btree ("insz");--> statement-breakpoint
CREATE INDEX "persons_residence_idx" ON "persons"."persons" USING btree ("residence_nis_code");--> statement-breakpoint
CREATE INDEX "sanctions_record_idx" ON "persons"."sanctions" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "social_assistance_person_idx" ON "persons"."social_assistance_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "social_assistance_ocmw_idx" ON "persons"."social_assistance_records" USING btree ("ocmw_nis_code");--> statement-breakpoint
CREATE INDEX "temporary_protections_person_idx" ON "persons"."temporary_protections" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "trajectories_person_idx" ON "persons"."trajectories" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "trajectory_actions_trajectory_idx" ON "persons"."trajectory_actions" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "transmissions_trajectory_idx" ON "persons"."transmissions" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "vdab_registrations_person_idx" ON "persons"."vdab_registrations" USING btree ("person_id");