ALTER TABLE "mission_diagnostics" ADD COLUMN "scoring_method" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_follow_ups" ADD COLUMN "plan_baseline" jsonb;--> statement-breakpoint
ALTER TABLE "project_sheets" ADD COLUMN "phasing" jsonb;