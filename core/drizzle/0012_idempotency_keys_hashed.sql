-- Idempotency keys are stored as their SHA-256 from now on (core/src/plugins/idempotency-seal.ts):
-- rewrite the keys already stored, so a retry that straddles the upgrade still replays its answer.
-- Their answers stay readable as they are and are pruned within the retention (24 hours).
UPDATE "core"."idempotency_keys" SET "key" = encode(sha256(convert_to("key", 'UTF8')), 'hex');
