CREATE TABLE "agency_procurement_files" (
	"scenario_id" uuid PRIMARY KEY NOT NULL,
	"procedure" text NOT NULL,
	"steps" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"publication" jsonb NOT NULL,
	"bids" jsonb NOT NULL,
	"award_date" date,
	"awards" jsonb,
	"standstill_ends_on" date,
	"agreement_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "central_purchasing_adhesions" (
	"commune_nis" varchar(5) PRIMARY KEY NOT NULL,
	"decision_date" date NOT NULL,
	"council_decision_ref" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"launch_date" date NOT NULL,
	"initial_months" integer NOT NULL,
	"renewals" integer DEFAULT 0 NOT NULL,
	"renewal_months" integer DEFAULT 0 NOT NULL,
	"lots" jsonb NOT NULL,
	"route" text,
	"route_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_scenarios_months" CHECK ("procurement_scenarios"."initial_months" > 0 AND "procurement_scenarios"."renewals" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scenario_groups" (
	"scenario_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "scenario_groups_scenario_id_group_id_pk" PRIMARY KEY("scenario_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "scenario_participations" (
	"scenario_id" uuid NOT NULL,
	"lot_key" text NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"quantity" integer,
	"amount" numeric(14, 2),
	"status" text DEFAULT 'proposed' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	CONSTRAINT "scenario_participations_scenario_id_lot_key_commune_nis_pk" PRIMARY KEY("scenario_id","lot_key","commune_nis"),
	CONSTRAINT "scenario_participations_positive" CHECK (coalesce("scenario_participations"."quantity", 0) >= 0 AND coalesce("scenario_participations"."amount", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "agency_procurement_files" ADD CONSTRAINT "agency_procurement_files_scenario_id_procurement_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."procurement_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_procurement_files" ADD CONSTRAINT "agency_procurement_files_agreement_id_framework_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."framework_agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_purchasing_adhesions" ADD CONSTRAINT "central_purchasing_adhesions_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_purchasing_adhesions" ADD CONSTRAINT "central_purchasing_adhesions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_scenarios" ADD CONSTRAINT "procurement_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_groups" ADD CONSTRAINT "scenario_groups_scenario_id_procurement_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."procurement_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_groups" ADD CONSTRAINT "scenario_groups_group_id_mutualisation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."mutualisation_groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_participations" ADD CONSTRAINT "scenario_participations_scenario_id_procurement_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."procurement_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_participations" ADD CONSTRAINT "scenario_participations_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_participations" ADD CONSTRAINT "scenario_participations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenario_groups_group_idx" ON "scenario_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "scenario_participations_commune_idx" ON "scenario_participations" USING btree ("commune_nis");