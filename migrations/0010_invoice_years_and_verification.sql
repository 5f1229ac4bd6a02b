-- Closing a fiscal year's invoice numbers, and the public verification address of each invoice
-- (docs/decisions/0013).

-- A closed year takes no more invoices or credit notes: the statement that takes the next number,
-- UPDATE invoice_counters SET last_seq = last_seq + 1 WHERE ... AND closed_at IS NULL, finds no
-- row, so a close and an issue at the same moment cannot both win. Both kinds' rows of a year are
-- closed together. Never reopened.
ALTER TABLE invoice_counters ADD COLUMN closed_at TEXT;     -- ISO 8601 UTC; NULL: open
ALTER TABLE invoice_counters ADD COLUMN closed_by BIGINT;   -- users.id; NULL with closed_at: the system

-- The secret part of /invoices/verify/<token>, printed on the PDF (address and QR code): random,
-- so addresses cannot be guessed from the sequential ids. A table of its own because invoices rows
-- never change. Invoices issued before this migration get a token here; later ones when issued.
CREATE TABLE invoice_verifications (
  invoice_id BIGINT PRIMARY KEY REFERENCES invoices (id),
  token TEXT NOT NULL UNIQUE
);
-- dialect: sqlite
INSERT INTO invoice_verifications (invoice_id, token)
  SELECT id, lower(hex(randomblob(16))) FROM invoices;
-- dialect: postgresql
INSERT INTO invoice_verifications (invoice_id, token)
  SELECT id, replace(gen_random_uuid()::text, '-', '') FROM invoices;
-- dialect: all
