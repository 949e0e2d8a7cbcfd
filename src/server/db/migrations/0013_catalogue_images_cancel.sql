CREATE TABLE "catalogue_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_images_size" CHECK ("catalogue_images"."size_bytes" > 0 AND "catalogue_images"."size_bytes" <= 524288)
);
--> statement-breakpoint
ALTER TABLE "call_offs" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_offs" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "call_offs" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "catalogue_images" ADD CONSTRAINT "catalogue_images_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_images_solution_idx" ON "catalogue_images" USING btree ("solution_id");--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;