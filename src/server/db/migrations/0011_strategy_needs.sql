CREATE TABLE "project_needs" (
	"project_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "project_needs_project_id_need_id_pk" PRIMARY KEY("project_id","need_id")
);
--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_needs" ADD CONSTRAINT "project_needs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_needs_need_idx" ON "project_needs" USING btree ("need_id");