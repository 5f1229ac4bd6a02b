-- Attendance, third part (issue 11): a room's network (a list of CIDR ranges, "" for none) that
-- on-site check-ins must come from, else they are flagged; and each course's live-lecture link,
-- from which trainees check in remotely (never for confidential sessions).
ALTER TABLE rooms ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_rules ADD COLUMN live_url TEXT NOT NULL DEFAULT '';
