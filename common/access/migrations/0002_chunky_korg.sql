CREATE TABLE "access"."delegations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org" text NOT NULL,
	"purpose" text NOT NULL,
	"via_org" text NOT NULL,
	"via_purpose" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access"."audit_log" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."audit_log" ADD COLUMN "partner_request_id" text;--> statement-breakpoint
ALTER TABLE "access"."audit_log" ADD COLUMN "subject" text;--> statement-breakpoint
CREATE INDEX "delegations_scope_idx" ON "access"."delegations" USING btree ("org","purpose");