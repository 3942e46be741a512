-- The audit log (DOMAIN A.2.6), partitioned by month on `at` so that retention removes whole
-- months by dropping their partitions, and append-only for every role, its owner included.
-- drizzle-kit expresses neither, so this migration is written by hand (drizzle-kit wrote only
-- the index change); its columns, primary key and index are those of common/access/tables.ts.
--
-- Months are Belgian months (a consultation belongs to the month it happened in Brussels). An
-- entry whose month has no partition yet waits in the default partition, so an insert never
-- fails; access.create_audit_partition moves such entries into their month when it makes it.

-- Refuses any change to the log: a row trigger (cloned onto every partition, so a statement
-- aimed at one partition is refused too) and statement triggers (an UPDATE or DELETE that
-- matches no row, and TRUNCATE, which has no row trigger).
CREATE FUNCTION "access"."refuse_audit_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access.audit_log is append-only: % is refused (DOMAIN A.2.6)', TG_OP
    USING ERRCODE = 'insufficient_privilege',
      HINT = 'Entries are removed only a whole month at a time, by the retention job.';
END $$;
--> statement-breakpoint
-- TRUNCATE triggers are not cloned onto partitions: each partition gets its own.
CREATE FUNCTION "access"."guard_audit_partition"(partition_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  EXECUTE format(
    'CREATE TRIGGER audit_log_append_only_truncate BEFORE TRUNCATE ON access.%I '
    'FOR EACH STATEMENT EXECUTE FUNCTION access.refuse_audit_change()', partition_name);
END $$;
--> statement-breakpoint
-- The id numbering carries on in the partitioned table: the sequence moves over to it.
ALTER TABLE "access"."audit_log" RENAME TO "audit_log_unpartitioned";--> statement-breakpoint
ALTER TABLE "access"."audit_log_unpartitioned" RENAME CONSTRAINT "audit_log_id_at_pk" TO "audit_log_unpartitioned_pk";--> statement-breakpoint
ALTER SEQUENCE "access"."audit_log_id_seq" OWNED BY NONE;--> statement-breakpoint
CREATE TABLE "access"."audit_log" (
	"id" bigint DEFAULT nextval('access.audit_log_id_seq'::regclass) NOT NULL,
	"request_id" text NOT NULL,
	"partner_request_id" text,
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
	"person_id" text,
	"subject" text,
	"outcome" "access"."audit_outcome" NOT NULL,
	CONSTRAINT "audit_log_id_at_pk" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER SEQUENCE "access"."audit_log_id_seq" OWNED BY "access"."audit_log"."id";--> statement-breakpoint
-- The citizen's access log reads one person's consultations from this index alone.
CREATE INDEX "audit_log_consultations_idx" ON "access"."audit_log" USING btree ("person_id","at","org","request_id","subgraph","purpose") WHERE "outcome" in ('ALLOWED', 'FILTERED');--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "access"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "access"."refuse_audit_change"();--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only_statement" BEFORE UPDATE OR DELETE OR TRUNCATE ON "access"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."refuse_audit_change"();--> statement-breakpoint
CREATE TABLE "access"."audit_log_default" PARTITION OF "access"."audit_log" DEFAULT;--> statement-breakpoint
SELECT "access"."guard_audit_partition"('audit_log_default');--> statement-breakpoint
-- Makes the partition of the (Belgian) month holding `month`, unless it exists; returns its name,
-- or null when it existed. Entries of that month waiting in the default partition move into it:
-- the default partition is swapped for an empty one and its entries are inserted again, each
-- routed to its month (nothing is updated or deleted). Runs as its owner, so the retention role
-- needs no rights on the table itself.
CREATE FUNCTION "access"."create_audit_partition"(month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET timezone = 'UTC' SET datestyle = 'ISO, YMD' AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  partition_name text := 'audit_log_' || to_char(first_day, 'YYYY_MM');
  from_instant timestamptz := first_day::timestamp AT TIME ZONE 'Europe/Brussels';
  to_instant timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'Europe/Brussels';
  waiting boolean;
BEGIN
  -- One maker at a time: the migration job, the retention job and replicas may meet here.
  PERFORM pg_advisory_xact_lock(hashtext('access.audit_log partitions'));
  IF to_regclass('access.' || partition_name) IS NOT NULL THEN
    RETURN NULL;
  END IF;
  SELECT EXISTS (
    SELECT 1 FROM access.audit_log_default WHERE at >= from_instant AND at < to_instant
  ) INTO waiting;
  IF waiting THEN
    ALTER TABLE access.audit_log DETACH PARTITION access.audit_log_default;
    ALTER TABLE access.audit_log_default RENAME TO audit_log_default_moving;
    CREATE TABLE access.audit_log_default PARTITION OF access.audit_log DEFAULT;
    PERFORM access.guard_audit_partition('audit_log_default');
  END IF;
  EXECUTE format(
    'CREATE TABLE access.%I PARTITION OF access.audit_log FOR VALUES FROM (%L) TO (%L)',
    partition_name, from_instant, to_instant);
  PERFORM access.guard_audit_partition(partition_name);
  IF waiting THEN
    INSERT INTO access.audit_log SELECT * FROM access.audit_log_default_moving;
    DROP TABLE access.audit_log_default_moving;
  END IF;
  RETURN 'access.' || partition_name;
END $$;
--> statement-breakpoint
-- Drops the partition of the month holding `month`, with every entry in it; returns its name, or
-- null when there is none. Which months are past the retention is the retention job's decision
-- (common/access/audit-retention.ts), made on the product's one clock.
CREATE FUNCTION "access"."drop_audit_partition"(month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  partition_name text := 'audit_log_' || to_char(date_trunc('month', month), 'YYYY_MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('access.audit_log partitions'));
  IF to_regclass('access.' || partition_name) IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE format('DROP TABLE access.%I', partition_name);
  RETURN 'access.' || partition_name;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "access"."create_audit_partition"(date) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION "access"."drop_audit_partition"(date) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION "access"."guard_audit_partition"(text) FROM PUBLIC;--> statement-breakpoint
-- A month for every month that holds entries, then the entries, ids and all.
SELECT "access"."create_audit_partition"(month::date)
FROM generate_series(
  (SELECT date_trunc('month', min("at") AT TIME ZONE 'Europe/Brussels') FROM "access"."audit_log_unpartitioned"),
  (SELECT date_trunc('month', max("at") AT TIME ZONE 'Europe/Brussels') FROM "access"."audit_log_unpartitioned"),
  interval '1 month'
) AS month;--> statement-breakpoint
INSERT INTO "access"."audit_log" ("id", "request_id", "partner_request_id", "at", "operation",
  "subgraph", "fields", "org", "application", "sub", "role", "purpose", "mandate_id",
  "person_id", "subject", "outcome")
SELECT "id", "request_id", "partner_request_id", "at", "operation", "subgraph", "fields", "org",
  "application", "sub", "role", "purpose", "mandate_id", "person_id", "subject", "outcome"
FROM "access"."audit_log_unpartitioned";--> statement-breakpoint
DROP TABLE "access"."audit_log_unpartitioned";
