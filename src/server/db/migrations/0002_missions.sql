CREATE TABLE "mission_consultants" (
	"mission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "mission_consultants_mission_id_user_id_pk" PRIMARY KEY("mission_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"site_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"phase" text DEFAULT 'diagnostic' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_phase_check" CHECK ("missions"."phase" in ('diagnostic', 'planning', 'implementation', 'closed')),
	CONSTRAINT "missions_dates_check" CHECK ("missions"."end_date" is null or "missions"."end_date" >= "missions"."start_date")
);
--> statement-breakpoint
ALTER TABLE "mission_consultants" ADD CONSTRAINT "mission_consultants_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_consultants" ADD CONSTRAINT "mission_consultants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mission_consultants_user_idx" ON "mission_consultants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "missions_commune_idx" ON "missions" USING btree ("commune_nis");