-- Completion (issue 11): each program year's rule. A trainee completes when every common course
-- of the year and every course of at least `tracks_required` tracks is passed: enrolled, with the
-- course's attendance rule met (if attendance_required) and its exams passed (if exams_required).
-- A year without a row has the default: one track, attendance and exams both required.
CREATE TABLE completion_rules (
  fiscal_year INTEGER PRIMARY KEY,
  tracks_required INTEGER NOT NULL CHECK (tracks_required >= 0 AND tracks_required <= 10),
  attendance_required INTEGER NOT NULL CHECK (attendance_required IN (0, 1)),
  exams_required INTEGER NOT NULL CHECK (exams_required IN (0, 1)),
  updated_at BIGINT NOT NULL
);
