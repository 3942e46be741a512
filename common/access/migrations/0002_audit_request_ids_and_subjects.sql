-- drizzle-kit cannot name the primary key it replaces; PostgreSQL named it audit_log_pkey.
ALTER TABLE "access"."audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "access"."audit_log" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access"."audit_log" ADD CONSTRAINT "audit_log_id_at_pk" PRIMARY KEY("id","at");--> statement-breakpoint
ALTER TABLE "access"."audit_log" ADD COLUMN "partner_request_id" text;--> statement-breakpoint
ALTER TABLE "access"."audit_log" ADD COLUMN "subject" text;
