-- The agreements subgraph's own role (made by the access migrations, see README "Database roles")
-- reads and writes this schema, and the tables later migrations add to it (default privileges
-- follow the migrator, who makes them).
GRANT USAGE ON SCHEMA "agreements" TO "maatwerk_agreements";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "agreements" TO "maatwerk_agreements";--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "agreements" TO "maatwerk_agreements";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "agreements" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "maatwerk_agreements";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "agreements" GRANT USAGE, SELECT ON SEQUENCES TO "maatwerk_agreements";
