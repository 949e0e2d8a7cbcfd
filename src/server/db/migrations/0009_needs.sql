CREATE TABLE "interest_poll_communes" (
	"poll_id" uuid NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"answer" text,
	"quantity" integer,
	"budget" numeric(14, 2),
	"comment" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "interest_poll_communes_poll_id_commune_nis_pk" PRIMARY KEY("poll_id","commune_nis"),
	CONSTRAINT "interest_poll_quantity_check" CHECK ("interest_poll_communes"."quantity" is null or "interest_poll_communes"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "interest_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"question" text NOT NULL,
	"unit" text NOT NULL,
	"deadline" date NOT NULL,
	"audience" text DEFAULT 'group' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"lines" jsonb NOT NULL,
	"totals" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutualisation_group_needs" (
	"group_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "mutualisation_group_needs_group_id_need_id_pk" PRIMARY KEY("group_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "mutualisation_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"label" text NOT NULL,
	"category" text,
	"reason" text DEFAULT '' NOT NULL,
	"shared_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_model" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutualisation_groups_status_check" CHECK ("mutualisation_groups"."status" in ('proposed', 'confirmed', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "mutualisation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"step" text,
	"stats" jsonb,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text,
	"urgency" text DEFAULT 'medium' NOT NULL,
	"estimated_budget" numeric(14, 2),
	"timeframe" text,
	"source" text DEFAULT 'direct' NOT NULL,
	"source_ref" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_urgency_check" CHECK ("needs"."urgency" in ('low', 'medium', 'high')),
	CONSTRAINT "needs_source_check" CHECK ("needs"."source" in ('diagnostic', 'project_sheet', 'meeting', 'direct')),
	CONSTRAINT "needs_budget_check" CHECK ("needs"."estimated_budget" is null or "needs"."estimated_budget" >= 0)
);
--> statement-breakpoint
ALTER TABLE "interest_poll_communes" ADD CONSTRAINT "interest_poll_communes_poll_id_interest_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."interest_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_poll_communes" ADD CONSTRAINT "interest_poll_communes_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_poll_communes" ADD CONSTRAINT "interest_poll_communes_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_polls" ADD CONSTRAINT "interest_polls_group_id_mutualisation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."mutualisation_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_polls" ADD CONSTRAINT "interest_polls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_purchases" ADD CONSTRAINT "joint_purchases_group_id_mutualisation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."mutualisation_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_purchases" ADD CONSTRAINT "joint_purchases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualisation_group_needs" ADD CONSTRAINT "mutualisation_group_needs_group_id_mutualisation_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."mutualisation_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualisation_group_needs" ADD CONSTRAINT "mutualisation_group_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualisation_groups" ADD CONSTRAINT "mutualisation_groups_run_id_mutualisation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mutualisation_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutualisation_runs" ADD CONSTRAINT "mutualisation_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interest_poll_communes_commune_idx" ON "interest_poll_communes" USING btree ("commune_nis");--> statement-breakpoint
CREATE INDEX "interest_polls_group_idx" ON "interest_polls" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_purchases_group_idx" ON "joint_purchases" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "mutualisation_group_needs_need_idx" ON "mutualisation_group_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "needs_commune_idx" ON "needs" USING btree ("commune_nis");