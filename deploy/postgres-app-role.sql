-- Run once by the postgres image when its volume is new (/docker-entrypoint-initdb.d), as the owner
-- (POSTGRES_USER, who runs the migrations). Creates the role the service connects as
-- (DATABASE_URL): it may log in and use the schema; the service, migrating as the owner, grants
-- it SELECT/INSERT/UPDATE/DELETE on the tables after each migration, except UPDATE, DELETE and
-- TRUNCATE on audit_events (the audit log: only INSERT and SELECT) and any change to
-- schema_migrations (src/common/database/database-setup.ts, grantApplicationRole).
\getenv app_password POSTGRES_APP_PASSWORD
\getenv database POSTGRES_DB
CREATE ROLE cmfc_app LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"database" TO cmfc_app;
GRANT USAGE ON SCHEMA public TO cmfc_app;
