CREATE TYPE "persons"."introduction_status" AS ENUM('REQUESTED', 'ACCEPTED', 'REFUSED');--> statement-breakpoint
CREATE SEQUENCE "persons"."introduction_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "persons"."introduction_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"employer_id" text NOT NULL,
	"vacancy_id" text NOT NULL,
	"person_id" text NOT NULL,
	"pseudonym" text NOT NULL,
	"status" "persons"."introduction_status" NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"refusal_reason" text,
	"referral_id" text
);
--> statement-breakpoint
ALTER TABLE "persons"."introduction_requests" ADD CONSTRAINT "introduction_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "persons"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "introduction_requests_person_idx" ON "persons"."introduction_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "introduction_requests_employer_idx" ON "persons"."introduction_requests" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_requests_waiting_key" ON "persons"."introduction_requests" USING btree ("employer_id","vacancy_id","person_id") WHERE "persons"."introduction_requests"."status" = 'REQUESTED';