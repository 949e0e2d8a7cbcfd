CREATE TABLE "ocds_releases" (
	"ocid" text NOT NULL,
	"release_id" text NOT NULL,
	"seq" integer NOT NULL,
	"date" text NOT NULL,
	"tag" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"json" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ocds_releases_ocid_release_id_pk" PRIMARY KEY("ocid","release_id"),
	CONSTRAINT "ocds_releases_seq" UNIQUE("ocid","seq")
);
--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "official_name" text;--> statement-breakpoint
CREATE INDEX "ocds_releases_published_idx" ON "ocds_releases" USING btree ("published_at");