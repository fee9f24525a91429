-- Format 10: entries brought in by a merge of another copy of this workbook (File › Merge workbook…,
-- demarc merge). They keep their own time, author and content; `origin` is their identity in the
-- copy that wrote them (the fingerprint of that entry: see src/main/merge/change-identity.ts), so a
-- second merge of the same file recognises them and changes nothing, and `origin_touches` is what
-- they changed, spelt by keys that hold across copies (ARM ids, party names), not by row ids.
-- NULL in both = written here.
ALTER TABLE change_log ADD COLUMN origin TEXT;
ALTER TABLE change_log ADD COLUMN origin_touches TEXT;
CREATE INDEX change_log_origin ON change_log (origin) WHERE origin IS NOT NULL;
