-- The payload is kept as the exact RFC 8785 canonical JSON text its hash covers, so
-- verification hashes stored bytes instead of decoding and re-canonicalising JSON.
-- (No deployment had ledger rows before this migration.)
ALTER TABLE "ledger_entries" ALTER COLUMN "payload" SET DATA TYPE text USING "payload"::text;
