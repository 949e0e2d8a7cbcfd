ALTER TABLE "communes" ADD COLUMN "official_name_source" text;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "official_name_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "official_name_checked_at" timestamp with time zone;