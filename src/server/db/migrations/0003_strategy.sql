CREATE TABLE "project_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_dependencies" (
	"project_id" uuid NOT NULL,
	"requires_id" uuid NOT NULL,
	CONSTRAINT "project_dependencies_project_id_requires_id_pk" PRIMARY KEY("project_id","requires_id"),
	CONSTRAINT "project_dependencies_self_check" CHECK ("project_dependencies"."project_id" <> "project_dependencies"."requires_id")
);
--> statement-breakpoint
CREATE TABLE "project_exclusions" (
	"first_id" uuid NOT NULL,
	"second_id" uuid NOT NULL,
	CONSTRAINT "project_exclusions_first_id_second_id_pk" PRIMARY KEY("first_id","second_id"),
	CONSTRAINT "project_exclusions_order_check" CHECK ("project_exclusions"."first_id" < "project_exclusions"."second_id")
);
--> statement-breakpoint
CREATE TABLE "project_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"need_refs" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner" text,
	"investment_cost" numeric(14, 2) DEFAULT 0 NOT NULL,
	"running_cost_per_year" numeric(14, 2) DEFAULT 0 NOT NULL,
	"funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earliest_horizon" text,
	"duration_months" integer DEFAULT 12 NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"objective_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_sheets_status_check" CHECK ("project_sheets"."status" in ('draft', 'proposed', 'approved', 'rejected')),
	CONSTRAINT "project_sheets_horizon_check" CHECK ("project_sheets"."earliest_horizon" is null or "project_sheets"."earliest_horizon" in ('short', 'medium', 'long')),
	CONSTRAINT "project_sheets_costs_check" CHECK ("project_sheets"."investment_cost" >= 0 and "project_sheets"."running_cost_per_year" >= 0),
	CONSTRAINT "project_sheets_duration_check" CHECK ("project_sheets"."duration_months" between 1 and 84)
);
--> statement-breakpoint
CREATE TABLE "project_swot_items" (
	"project_id" uuid NOT NULL,
	"swot_item_id" uuid NOT NULL,
	CONSTRAINT "project_swot_items_project_id_swot_item_id_pk" PRIMARY KEY("project_id","swot_item_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"direction" text NOT NULL,
	"weight" double precision NOT NULL,
	"preference_type" text NOT NULL,
	"q" double precision,
	"p" double precision,
	"s" double precision,
	"source" text DEFAULT 'manual' NOT NULL,
	"scale_min" double precision,
	"scale_max" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_criteria_direction_check" CHECK ("strategy_criteria"."direction" in ('max', 'min')),
	CONSTRAINT "strategy_criteria_weight_check" CHECK ("strategy_criteria"."weight" >= 0),
	CONSTRAINT "strategy_criteria_source_check" CHECK ("strategy_criteria"."source" in ('manual', 'investmentCost', 'runningCost'))
);
--> statement-breakpoint
CREATE TABLE "strategy_evaluations" (
	"project_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_evaluations_project_id_criterion_id_pk" PRIMARY KEY("project_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_horizons" (
	"mission_id" uuid NOT NULL,
	"key" text NOT NULL,
	"budget" numeric(14, 2) DEFAULT 0 NOT NULL,
	"value_factor" double precision NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	CONSTRAINT "strategy_horizons_mission_id_key_pk" PRIMARY KEY("mission_id","key"),
	CONSTRAINT "strategy_horizons_key_check" CHECK ("strategy_horizons"."key" in ('short', 'medium', 'long')),
	CONSTRAINT "strategy_horizons_years_check" CHECK ("strategy_horizons"."end_year" >= "strategy_horizons"."start_year")
);
--> statement-breakpoint
CREATE TABLE "strategy_locks" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"mission_id" uuid NOT NULL,
	"horizon" text NOT NULL,
	CONSTRAINT "strategy_locks_horizon_check" CHECK ("strategy_locks"."horizon" in ('short', 'medium', 'long'))
);
--> statement-breakpoint
CREATE TABLE "strategy_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_plan_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"status" text NOT NULL,
	"problem" jsonb NOT NULL,
	"locks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" jsonb,
	"error_code" text,
	"error_message" text,
	"time_limit_seconds" double precision NOT NULL,
	"relative_gap" double precision NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "strategy_plan_runs_status_check" CHECK ("strategy_plan_runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "strategy_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weights" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_settings" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"ahp" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_comments" ADD CONSTRAINT "project_comments_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_comments" ADD CONSTRAINT "project_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_dependencies" ADD CONSTRAINT "project_dependencies_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_dependencies" ADD CONSTRAINT "project_dependencies_requires_id_project_sheets_id_fk" FOREIGN KEY ("requires_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_exclusions" ADD CONSTRAINT "project_exclusions_first_id_project_sheets_id_fk" FOREIGN KEY ("first_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_exclusions" ADD CONSTRAINT "project_exclusions_second_id_project_sheets_id_fk" FOREIGN KEY ("second_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sheets" ADD CONSTRAINT "project_sheets_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sheets" ADD CONSTRAINT "project_sheets_objective_id_strategy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sheets" ADD CONSTRAINT "project_sheets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_swot_items" ADD CONSTRAINT "project_swot_items_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_criteria" ADD CONSTRAINT "strategy_criteria_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_evaluations" ADD CONSTRAINT "strategy_evaluations_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_evaluations" ADD CONSTRAINT "strategy_evaluations_criterion_id_strategy_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."strategy_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_horizons" ADD CONSTRAINT "strategy_horizons_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_locks" ADD CONSTRAINT "strategy_locks_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_locks" ADD CONSTRAINT "strategy_locks_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_parent_id_strategy_objectives_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_plan_runs" ADD CONSTRAINT "strategy_plan_runs_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_plan_runs" ADD CONSTRAINT "strategy_plan_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_scenarios" ADD CONSTRAINT "strategy_scenarios_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_settings" ADD CONSTRAINT "strategy_settings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_comments_project_idx" ON "project_comments" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "project_dependencies_requires_idx" ON "project_dependencies" USING btree ("requires_id");--> statement-breakpoint
CREATE INDEX "project_exclusions_second_idx" ON "project_exclusions" USING btree ("second_id");--> statement-breakpoint
CREATE INDEX "project_sheets_mission_idx" ON "project_sheets" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "project_swot_items_item_idx" ON "project_swot_items" USING btree ("swot_item_id");--> statement-breakpoint
CREATE INDEX "strategy_criteria_mission_idx" ON "strategy_criteria" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "strategy_evaluations_criterion_idx" ON "strategy_evaluations" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "strategy_locks_mission_idx" ON "strategy_locks" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "strategy_objectives_mission_idx" ON "strategy_objectives" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "strategy_plan_runs_mission_idx" ON "strategy_plan_runs" USING btree ("mission_id","started_at");--> statement-breakpoint
CREATE INDEX "strategy_scenarios_mission_idx" ON "strategy_scenarios" USING btree ("mission_id");