CREATE SCHEMA "access";
--> statement-breakpoint
CREATE TYPE "access"."audit_outcome" AS ENUM('ALLOWED', 'FILTERED', 'DENIED');--> statement-breakpoint
CREATE TYPE "access"."legal_basis" AS ENUM('CONSENT', 'SO', 'PROTOCOL', 'DECREE', 'KSZ_AUTHORISATION');--> statement-breakpoint
CREATE TABLE "access"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"operation" text NOT NULL,
	"subgraph" text NOT NULL,
	"fields" text[] NOT NULL,
	"org" text NOT NULL,
	"application" text,
	"sub" text NOT NULL,
	"role" text NOT NULL,
	"purpose" text,
	"mandate_id" text,
	"person_id" text NOT NULL,
	"outcome" "access"."audit_outcome" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."mandates" (
	"id" text PRIMARY KEY NOT NULL,
	"org" text NOT NULL,
	"role" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" "access"."legal_basis" NOT NULL,
	"agreement_id" text,
	"categories" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access"."relations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org" text NOT NULL,
	"person_id" text NOT NULL,
	"purpose" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "access"."audit_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "mandates_org_role_idx" ON "access"."mandates" USING btree ("org","role");--> statement-breakpoint
CREATE INDEX "relations_org_purpose_person_idx" ON "access"."relations" USING btree ("org","purpose","person_id");