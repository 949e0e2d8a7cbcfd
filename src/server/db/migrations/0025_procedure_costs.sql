CREATE TABLE "procedure_costs" (
	"procedure" text PRIMARY KEY NOT NULL,
	"cost" numeric(14, 2) NOT NULL,
	"source" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_costs_positive" CHECK ("procedure_costs"."cost" >= 0)
);
--> statement-breakpoint
ALTER TABLE "procurement_scenarios" ADD COLUMN "savings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "procedure_costs" ADD CONSTRAINT "procedure_costs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;