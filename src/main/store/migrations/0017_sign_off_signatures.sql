-- Signed sign-offs. A sign-off may carry an Ed25519 signature by its recorder's own key (kept on
-- their computer, never in the workbook): the exact text signed (the canonical fields of
-- src/core/audit/sign-off-signature.ts: scope, covered assets, signer, date, statement, note,
-- recorded at/by, the workbook's id and the change-log head when signed), the signature (base64)
-- and the signer's public key (base64 of its DER SubjectPublicKeyInfo). All three or none: a
-- sign-off recorded before this format, or without a key, is unsigned and stays valid as such.
ALTER TABLE sign_offs ADD COLUMN signed_text TEXT;
ALTER TABLE sign_offs ADD COLUMN signature TEXT;
ALTER TABLE sign_offs ADD COLUMN signer_key TEXT;
