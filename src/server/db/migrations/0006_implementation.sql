CREATE TABLE "indicator_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"date" date NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"alert_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"transport" text NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"alert_emails" boolean DEFAULT true NOT NULL,
	"weekly_digest" boolean DEFAULT false NOT NULL,
	"last_digest_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procurement_files" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"nature" text NOT NULL,
	"estimated_amount" numeric(14, 2) NOT NULL,
	"launch_date" date NOT NULL,
	"procedure" text,
	"framework_reference" text,
	"reference" text,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vendor_name" text,
	"vendor_enterprise_number" text,
	"award_amount" numeric(14, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_thresholds" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"valid_to" date NOT NULL,
	"source" text NOT NULL,
	"values" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_thresholds_dates_check" CHECK ("procurement_thresholds"."valid_to" >= "procurement_thresholds"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "project_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"mime_type" text,
	"size_bytes" integer,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_documents_kind_check" CHECK (("project_documents"."kind" = 'link' and "project_documents"."url" is not null and "project_documents"."content" is null) or ("project_documents"."kind" = 'file' and "project_documents"."content" is not null and "project_documents"."size_bytes" <= 524288))
);
--> statement-breakpoint
CREATE TABLE "project_follow_ups" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"progress" integer DEFAULT 0 NOT NULL,
	"budget" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_follow_ups_status_check" CHECK ("project_follow_ups"."status" in ('planned', 'procurement', 'in-progress', 'delivered', 'evaluated', 'suspended', 'abandoned')),
	CONSTRAINT "project_follow_ups_progress_check" CHECK ("project_follow_ups"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "project_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"owner" text,
	"done_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_indicator_id_project_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_log" ADD CONSTRAINT "notification_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_files" ADD CONSTRAINT "procurement_files_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_follow_ups" ADD CONSTRAINT "project_follow_ups_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_history" ADD CONSTRAINT "project_history_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_history" ADD CONSTRAINT "project_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_project_sheets_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_measurements_indicator_idx" ON "indicator_measurements" USING btree ("indicator_id","date");--> statement-breakpoint
CREATE INDEX "notification_log_user_idx" ON "notification_log" USING btree ("user_id","sent_at");--> statement-breakpoint
CREATE INDEX "notification_log_sent_idx" ON "notification_log" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "project_documents_project_idx" ON "project_documents" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_follow_ups_published_idx" ON "project_follow_ups" USING btree ("published");--> statement-breakpoint
CREATE INDEX "project_history_project_idx" ON "project_history" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "project_indicators_project_idx" ON "project_indicators" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","due_date");