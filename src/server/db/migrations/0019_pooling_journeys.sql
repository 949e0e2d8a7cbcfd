CREATE TABLE "joint_purchase_call_offs" (
	"purchase_id" uuid NOT NULL,
	"call_off_id" uuid NOT NULL,
	CONSTRAINT "joint_purchase_call_offs_purchase_id_call_off_id_pk" PRIMARY KEY("purchase_id","call_off_id")
);
--> statement-breakpoint
ALTER TABLE "call_offs" ADD COLUMN "computed_amount" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "call_offs" ADD COLUMN "amount_reason" text;--> statement-breakpoint
ALTER TABLE "joint_purchases" ADD COLUMN "solution_id" uuid;--> statement-breakpoint
ALTER TABLE "mutualisation_groups" ADD COLUMN "scenario_quantities" jsonb;--> statement-breakpoint
ALTER TABLE "joint_purchase_call_offs" ADD CONSTRAINT "joint_purchase_call_offs_purchase_id_joint_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."joint_purchases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_purchase_call_offs" ADD CONSTRAINT "joint_purchase_call_offs_call_off_id_call_offs_id_fk" FOREIGN KEY ("call_off_id") REFERENCES "public"."call_offs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "joint_purchase_call_offs_call_off_idx" ON "joint_purchase_call_offs" USING btree ("call_off_id");--> statement-breakpoint
ALTER TABLE "joint_purchases" ADD CONSTRAINT "joint_purchases_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE restrict ON UPDATE no action;