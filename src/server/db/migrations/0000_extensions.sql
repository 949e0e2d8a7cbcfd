-- drizzle-kit never writes CREATE EXTENSION. French full-text search uses unaccent; similarity uses pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
