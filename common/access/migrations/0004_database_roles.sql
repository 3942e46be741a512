-- One database role per component, holding only what it needs (README "Database roles"). The
-- roles log in with the password the operator gives them; the migrator that runs this (the
-- owner of every schema) is made beforehand, see the README. Each subgraph's own schema is
-- granted to its role by that subgraph's migrations.
--
-- Roles belong to the cluster, not to one database: another database on the same server (a
-- parallel test run, a second environment) may have made a role already, or be making it at
-- this moment, which surfaces as duplicate_object or as unique_violation.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['maatwerk_gateway', 'maatwerk_persons', 'maatwerk_indications',
    'maatwerk_maatwerk', 'maatwerk_agreements', 'maatwerk_retention']
  LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I LOGIN', role_name);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END LOOP;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "access" TO "maatwerk_gateway", "maatwerk_persons", "maatwerk_indications",
  "maatwerk_maatwerk", "maatwerk_agreements", "maatwerk_retention";--> statement-breakpoint
-- The audit log: every component adds to it and reads it; none updates or deletes (no grant,
-- and the triggers of migration 0003 refuse even the owner).
GRANT SELECT, INSERT ON "access"."audit_log" TO "maatwerk_gateway", "maatwerk_persons",
  "maatwerk_indications", "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
GRANT USAGE ON SEQUENCE "access"."audit_log_id_seq" TO "maatwerk_gateway", "maatwerk_persons",
  "maatwerk_indications", "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
-- Mandates are read (the gateway decides by them, agreements shows them), never written by a
-- component: granting one is an administrative act, done as the migrator.
GRANT SELECT ON "access"."mandates" TO "maatwerk_gateway", "maatwerk_persons",
  "maatwerk_indications", "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
-- The reference directory: each subgraph opens and closes relations with the business facts
-- that ground them (DOMAIN A.2.4); a relation is closed by its end date, never deleted.
GRANT SELECT, INSERT, UPDATE ON "access"."relations" TO "maatwerk_persons",
  "maatwerk_indications", "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
GRANT USAGE ON SEQUENCE "access"."relations_id_seq" TO "maatwerk_persons",
  "maatwerk_indications", "maatwerk_maatwerk", "maatwerk_agreements";--> statement-breakpoint
-- Retention makes and drops whole months through the partition functions, and nothing else.
GRANT EXECUTE ON FUNCTION "access"."create_audit_partition"(date),
  "access"."drop_audit_partition"(date) TO "maatwerk_retention";
