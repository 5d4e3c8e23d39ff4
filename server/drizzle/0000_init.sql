CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"calendar_id" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"successor_code" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"change" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "agency_kinds" (
	"id" text PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"level" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"owner_code" text,
	"data" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"name" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"staff_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"agency_code" text NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "staff_roles" (
	"staff_id" uuid NOT NULL,
	"agency_code" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "staff_roles_staff_id_agency_code_role_pk" PRIMARY KEY("staff_id","agency_code","role")
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"validators" text NOT NULL,
	"validators_sha256" text NOT NULL,
	CONSTRAINT "procedure_versions_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"owner_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"field_code" text NOT NULL,
	"draft" jsonb,
	"draft_revision" integer DEFAULT 0 NOT NULL,
	"draft_updated_at" timestamp with time zone,
	"draft_updated_by" uuid,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	"retire_reason" text
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text,
	"provenance" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_agencies" (
	"dossier_id" uuid NOT NULL,
	"agency_code" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_agencies_dossier_id_agency_code_pk" PRIMARY KEY("dossier_id","agency_code")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"from_status" smallint,
	"to_status" smallint NOT NULL,
	"public" boolean NOT NULL,
	"event" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_events_dossier_id_seq_pk" PRIMARY KEY("dossier_id","seq")
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"dossier_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"document_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"purpose" text NOT NULL,
	"event_seq" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_files_dossier_id_file_id_pk" PRIMARY KEY("dossier_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_sequences" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_sequences_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text,
	"procedure_code" text NOT NULL,
	"procedure_version" integer NOT NULL,
	"field_code" text NOT NULL,
	"channel" text NOT NULL,
	"status" smallint NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"receiving_agency" text NOT NULL,
	"responsible_agency" text,
	"location_agency" text NOT NULL,
	"location_step" text,
	"location_role" text,
	"assignee_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_address" text,
	"applicant_search" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"submitter" jsonb,
	"data" jsonb NOT NULL,
	"fees" jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"tracking_secret_hash" text NOT NULL,
	"event_count" integer NOT NULL,
	"head_hash" text NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	"legacy" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"dossier_id" uuid,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "report_ledger" (
	"agency_code" text NOT NULL,
	"field_code" text NOT NULL,
	"day" date NOT NULL,
	"column" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "report_ledger_agency_code_field_code_day_column_pk" PRIMARY KEY("agency_code","field_code","day","column")
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_kind_agency_kinds_id_fk" FOREIGN KEY ("kind") REFERENCES "public"."agency_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_code_procedures_code_fk" FOREIGN KEY ("code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_owner_code_agencies_code_fk" FOREIGN KEY ("owner_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_agencies" ADD CONSTRAINT "dossier_agencies_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_code_procedure_version_procedure_versions_code_version_fk" FOREIGN KEY ("procedure_code","procedure_version") REFERENCES "public"."procedure_versions"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "agency_history_agency_idx" ON "agency_history" USING btree ("agency_code","at");--> statement-breakpoint
CREATE INDEX "access_log_dossier_idx" ON "access_log" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "access_log_staff_idx" ON "access_log" USING btree ("staff_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_staff_idx" ON "api_tokens" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_roles_agency_idx" ON "staff_roles" USING btree ("agency_code","role");--> statement-breakpoint
CREATE INDEX "procedure_versions_effective_idx" ON "procedure_versions" USING btree ("code","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_idx" ON "files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "dossier_agencies_agency_idx" ON "dossier_agencies" USING btree ("agency_code","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_events_at_idx" ON "dossier_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "dossier_files_file_idx" ON "dossier_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_idx" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_location_idx" ON "dossiers" USING btree ("location_agency","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_idx" ON "dossiers" USING btree ("receiving_agency","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_phone_idx" ON "dossiers" USING btree ("applicant_phone");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");