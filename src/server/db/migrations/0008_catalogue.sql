CREATE TABLE "agreement_adhesions" (
	"agreement_id" uuid NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"adhered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"adhered_by" uuid,
	CONSTRAINT "agreement_adhesions_agreement_id_commune_nis_pk" PRIMARY KEY("agreement_id","commune_nis")
);
--> statement-breakpoint
CREATE TABLE "agreement_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"vendor" text,
	"ceiling" numeric(14, 2) NOT NULL,
	CONSTRAINT "agreement_lots_number" UNIQUE("agreement_id","number"),
	CONSTRAINT "agreement_lots_ceiling" CHECK ("agreement_lots"."ceiling" >= 0)
);
--> statement-breakpoint
CREATE TABLE "call_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"commune_nis" varchar(5) NOT NULL,
	"quantity" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"ordered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_by" uuid,
	CONSTRAINT "call_offs_positive" CHECK ("call_offs"."amount" > 0 AND "call_offs"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "catalogue_lexicon" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_shortlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"commune_nis" varchar(5),
	"name" text NOT NULL,
	"solution_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"saved_search_id" uuid,
	"outcome_kind" text,
	"outcome_solution_id" uuid,
	"outcome_reason" text,
	"outcome_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"logo_url" text,
	"screenshots" text[] DEFAULT '{}'::text[] NOT NULL,
	"interoperability" jsonb NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"hosting" text NOT NULL,
	"gdpr" jsonb NOT NULL,
	"accessibility_statement_url" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"pricing" jsonb NOT NULL,
	"price_model" text NOT NULL,
	"support" text DEFAULT '' NOT NULL,
	"reference_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'evaluated' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"search_vector" "tsvector",
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"ceiling" numeric(14, 2),
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_agreements_reference_unique" UNIQUE("reference"),
	CONSTRAINT "framework_agreements_period" CHECK ("framework_agreements"."start_date" <= "framework_agreements"."end_date")
);
--> statement-breakpoint
CREATE TABLE "lot_solutions" (
	"lot_id" uuid NOT NULL,
	"solution_id" uuid NOT NULL,
	"unit_price" numeric(14, 2),
	CONSTRAINT "lot_solutions_lot_id_solution_id_pk" PRIMARY KEY("lot_id","solution_id")
);
--> statement-breakpoint
CREATE TABLE "watch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"source_url" text,
	"published_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"solution_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"recommendation" text,
	"vendor" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_adhesions" ADD CONSTRAINT "agreement_adhesions_agreement_id_framework_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."framework_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_adhesions" ADD CONSTRAINT "agreement_adhesions_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_adhesions" ADD CONSTRAINT "agreement_adhesions_adhered_by_users_id_fk" FOREIGN KEY ("adhered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lots" ADD CONSTRAINT "agreement_lots_agreement_id_framework_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."framework_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_agreement_id_framework_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."framework_agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_lot_id_agreement_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."agreement_lots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_offs" ADD CONSTRAINT "call_offs_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_saved_searches" ADD CONSTRAINT "catalogue_saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_shortlists" ADD CONSTRAINT "catalogue_shortlists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_shortlists" ADD CONSTRAINT "catalogue_shortlists_commune_nis_communes_nis_code_fk" FOREIGN KEY ("commune_nis") REFERENCES "public"."communes"("nis_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_shortlists" ADD CONSTRAINT "catalogue_shortlists_saved_search_id_catalogue_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."catalogue_saved_searches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_shortlists" ADD CONSTRAINT "catalogue_shortlists_outcome_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("outcome_solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_solutions" ADD CONSTRAINT "catalogue_solutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_solutions" ADD CONSTRAINT "lot_solutions_lot_id_agreement_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."agreement_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_solutions" ADD CONSTRAINT "lot_solutions_solution_id_catalogue_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."catalogue_solutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watch_items" ADD CONSTRAINT "watch_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_offs_commune_idx" ON "call_offs" USING btree ("commune_nis");--> statement-breakpoint
CREATE INDEX "call_offs_lot_idx" ON "call_offs" USING btree ("lot_id");--> statement-breakpoint
CREATE INDEX "catalogue_lexicon_trgm_idx" ON "catalogue_lexicon" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalogue_saved_searches_user_idx" ON "catalogue_saved_searches" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "catalogue_shortlists_commune_idx" ON "catalogue_shortlists" USING btree ("commune_nis");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_search_idx" ON "catalogue_solutions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_categories_idx" ON "catalogue_solutions" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "catalogue_solutions_status_idx" ON "catalogue_solutions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "lot_solutions_solution_idx" ON "lot_solutions" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "watch_items_published_idx" ON "watch_items" USING btree ("published_on");