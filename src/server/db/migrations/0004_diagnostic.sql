CREATE TABLE "interview_answers" (
	"interview_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"level" integer,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_answers_interview_id_question_key_pk" PRIMARY KEY("interview_id","question_key"),
	CONSTRAINT "interview_answers_level_check" CHECK ("interview_answers"."level" is null or "interview_answers"."level" >= 0)
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"guide_key" text NOT NULL,
	"guide_version" integer NOT NULL,
	"person_type" text NOT NULL,
	"person_role" text,
	"person_name" text,
	"identity_erased_at" timestamp with time zone,
	"date" date NOT NULL,
	"interviewer" text NOT NULL,
	"notes" text,
	"source" text DEFAULT 'interview' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interviews_person_type_check" CHECK ("interviews"."person_type" in ('elected_official', 'commune_staff', 'business', 'association', 'citizen', 'other')),
	CONSTRAINT "interviews_source_check" CHECK ("interviews"."source" in ('interview', 'self_assessment')),
	CONSTRAINT "interviews_erased_check" CHECK ("interviews"."identity_erased_at" is null or ("interviews"."person_name" is null and "interviews"."person_role" is null))
);
--> statement-breakpoint
CREATE TABLE "maturity_models" (
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"model" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "maturity_models_key_version_pk" PRIMARY KEY("key","version"),
	CONSTRAINT "maturity_models_status_check" CHECK ("maturity_models"."status" in ('draft', 'published')),
	CONSTRAINT "maturity_models_published_check" CHECK (("maturity_models"."status" = 'published') = ("maturity_models"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "mission_diagnostics" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"guide_key" text NOT NULL,
	"guide_version" integer NOT NULL,
	"interviews" integer DEFAULT 0 NOT NULL,
	"dimension_scores" jsonb,
	"overall" double precision,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessment_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"person_type" text NOT NULL,
	"person_role" text,
	"person_name" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"interview_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessment_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "swot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"position" integer NOT NULL,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"interview_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "swot_items_category_check" CHECK ("swot_items"."category" in ('strength', 'weakness', 'opportunity', 'threat'))
);
--> statement-breakpoint
CREATE TABLE "territory_specificities" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"geography" text DEFAULT '' NOT NULL,
	"demography" text DEFAULT '' NOT NULL,
	"economy" text DEFAULT '' NOT NULL,
	"assets" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_answers" ADD CONSTRAINT "interview_answers_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_guide_key_guide_version_maturity_models_key_version_fk" FOREIGN KEY ("guide_key","guide_version") REFERENCES "public"."maturity_models"("key","version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_models" ADD CONSTRAINT "maturity_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_models" ADD CONSTRAINT "maturity_models_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_diagnostics" ADD CONSTRAINT "mission_diagnostics_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_diagnostics" ADD CONSTRAINT "mission_diagnostics_guide_key_guide_version_maturity_models_key_version_fk" FOREIGN KEY ("guide_key","guide_version") REFERENCES "public"."maturity_models"("key","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_links" ADD CONSTRAINT "self_assessment_links_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_links" ADD CONSTRAINT "self_assessment_links_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessment_links" ADD CONSTRAINT "self_assessment_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_specificities" ADD CONSTRAINT "territory_specificities_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_specificities" ADD CONSTRAINT "territory_specificities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interviews_mission_idx" ON "interviews" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "self_assessment_links_mission_idx" ON "self_assessment_links" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "swot_items_mission_idx" ON "swot_items" USING btree ("mission_id","category","position");