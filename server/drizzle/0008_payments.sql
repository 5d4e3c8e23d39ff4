-- Online payments. Written by hand.
--
-- A payment is its own record (one attempt of one dossier's fees through one provider); the
-- dossier learns of it by a payment_recorded event written in the same transaction as the
-- state "paid". Every callback, return and IPN is kept with what was decided about it
-- (accepted, duplicate, refused and why): refused ones are the audit trail of tampering.
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"order_ref" text NOT NULL,
	"provider" text NOT NULL,
	"amount" bigint NOT NULL CHECK ("amount" > 0),
	"fee_items" jsonb NOT NULL,
	"state" text NOT NULL CHECK ("state" IN ('created', 'pending', 'paid', 'failed', 'refunded')),
	"provider_ref" text,
	"provider_code" text,
	"return_url" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refund_reason" text,
	"refunded_by" text,
	CONSTRAINT "payments_order_ref_unique" UNIQUE ("order_ref")
);
--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" ("dossier_id", "created_at");
--> statement-breakpoint
CREATE INDEX "payments_provider_day_idx" ON "payments" ("provider", "paid_at");
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"channel" text NOT NULL,
	"order_ref" text,
	"payment_id" uuid,
	"outcome" text NOT NULL CHECK ("outcome" IN ('accepted', 'duplicate', 'refused')),
	"reason" text,
	"params" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payment_callbacks_order_idx" ON "payment_callbacks" ("order_ref", "id");
