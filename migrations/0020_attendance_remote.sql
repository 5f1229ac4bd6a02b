-- Attendance, third part (issue 11): a room's network (a list of CIDR ranges, "" for none) that
-- on-site check-ins must come from, else they are flagged; and each course's live-lecture link,
-- from which trainees check in remotely (never for confidential sessions).
ALTER TABLE rooms ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_rules ADD COLUMN live_url TEXT NOT NULL DEFAULT '';

-- Two more ways to attend (remote: from the live link; recording: watching a missed session's
-- recording, decision 0025) and one more flag (outside_network). SQLite cannot change a CHECK, so
-- its table is rebuilt with the same columns in the same order; PostgreSQL replaces the checks.
-- dialect: sqlite
CREATE TABLE attendance_widened (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id BIGINT NOT NULL REFERENCES course_sessions (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  status TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
  method TEXT NOT NULL CHECK (method IN ('onsite', 'manual', 'remote', 'recording')),
  checked_in_at BIGINT,
  device_id BIGINT REFERENCES attendance_devices (id),
  flag TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'other_device', 'shared_device', 'outside_network')),
  review TEXT NOT NULL DEFAULT '' CHECK (review IN ('', 'pending', 'accepted', 'rejected')),
  review_reason TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  marked_by BIGINT REFERENCES users (id),
  updated_at BIGINT NOT NULL,
  UNIQUE (session_id, user_id)
);
INSERT INTO attendance_widened (id, session_id, user_id, status, method, checked_in_at, device_id, flag, review,
                                review_reason, reason, marked_by, updated_at)
  SELECT id, session_id, user_id, status, method, checked_in_at, device_id, flag, review, review_reason, reason,
         marked_by, updated_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_widened RENAME TO attendance;
CREATE INDEX attendance_session_device ON attendance (session_id, device_id);
CREATE INDEX attendance_user ON attendance (user_id);
-- dialect: postgresql
ALTER TABLE attendance DROP CONSTRAINT attendance_method_check;
ALTER TABLE attendance ADD CONSTRAINT attendance_method_check
  CHECK (method IN ('onsite', 'manual', 'remote', 'recording'));
ALTER TABLE attendance DROP CONSTRAINT attendance_flag_check;
ALTER TABLE attendance ADD CONSTRAINT attendance_flag_check
  CHECK (flag IN ('', 'other_device', 'shared_device', 'outside_network'));
-- dialect: all
