-- Links written before the diagnostic existed may name no SWOT item: they are dropped before the foreign key.
DELETE FROM "project_swot_items" WHERE "swot_item_id" NOT IN (SELECT "id" FROM "swot_items");--> statement-breakpoint
ALTER TABLE "project_swot_items" ADD CONSTRAINT "project_swot_items_swot_item_id_swot_items_id_fk" FOREIGN KEY ("swot_item_id") REFERENCES "public"."swot_items"("id") ON DELETE cascade ON UPDATE no action;
