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
CREATE INDEX "delegations_scope_idx" ON "access"."delegations" USING btree ("org","purpose");--> statement-breakpoint
-- Every subgraph reads delegations with the reference directory; the agreements subgraph opens
-- and closes them with an SO adviesbevoegdheid. Closed by an end date, never deleted.
GRANT SELECT ON "access"."delegations" TO "maatwerk_persons", "maatwerk_indications",
  "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
GRANT INSERT, UPDATE ON "access"."delegations" TO "maatwerk_agreements";--> statement-breakpoint
GRANT USAGE ON SEQUENCE "access"."delegations_id_seq" TO "maatwerk_agreements";
