-- Format 10: an import run records the sheet it read (xlsx), so "not seen" is scoped to what a
-- file covers: importing a workbook's "Storage Accounts" sheet says nothing about the assets
-- read from its "Virtual Machines" sheet.
ALTER TABLE import_runs ADD COLUMN sheet TEXT;
