CREATE TABLE "maturity_targets" (
	"mission_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"horizon" text NOT NULL,
	"level" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maturity_targets_mission_id_dimension_horizon_pk" PRIMARY KEY("mission_id","dimension","horizon"),
	CONSTRAINT "maturity_targets_horizon_check" CHECK ("maturity_targets"."horizon" in ('short', 'medium', 'long')),
	CONSTRAINT "maturity_targets_level_check" CHECK ("maturity_targets"."level" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_gap_factors" (
	"project_id" uuid NOT NULL,
	"factor_key" text NOT NULL,
	CONSTRAINT "project_gap_factors_project_id_factor_key_pk" PRIMARY KEY("project_id","factor_key")
);
--> statement-breakpoint
ALTER TABLE "maturity_targets" ADD CONSTRAINT "maturity_targets_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_targets" ADD CONSTRAINT "maturity_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_gap_factors" ADD CONSTRAINT "project_gap_factors_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_gap_factors_factor_idx" ON "project_gap_factors" USING btree ("factor_key");