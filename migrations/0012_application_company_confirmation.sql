-- A type B application names a partner company; the company's seat is held only once the
-- company's representative (or the secretariat) confirms that the applicant is theirs
-- (decision 0012). Until then company_confirmation is 'pending'; type A applications have ''.
ALTER TABLE applications ADD COLUMN company_confirmation TEXT NOT NULL DEFAULT ''
  CHECK (company_confirmation IN ('', 'pending', 'confirmed', 'rejected'));
ALTER TABLE applications ADD COLUMN company_answered_by BIGINT REFERENCES users (id);
ALTER TABLE applications ADD COLUMN company_answered_at BIGINT;
ALTER TABLE applications ADD COLUMN company_answer_reason TEXT NOT NULL DEFAULT '';

-- Applications made before the rule already hold their seat: they count as confirmed.
UPDATE applications SET company_confirmation = 'confirmed' WHERE trainee_type = 'B';

CREATE INDEX applications_company_pending ON applications (company_id, company_confirmation);
