ALTER TABLE "strategy_plan_runs" ADD COLUMN "progress" double precision;--> statement-breakpoint
ALTER TABLE "strategy_plan_runs" ADD COLUMN "step" text;