-- The persons subgraph's own role (made by the access migrations, see README "Database roles")
-- reads and writes this schema, and the tables later migrations add to it (default privileges
-- follow the migrator, who makes them).
GRANT USAGE ON SCHEMA "persons" TO "maatwerk_persons";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "persons" TO "maatwerk_persons";--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "persons" TO "maatwerk_persons";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "persons" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "maatwerk_persons";--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "persons" GRANT USAGE, SELECT ON SEQUENCES TO "maatwerk_persons";
