-- The coordinator's portal at 100 000 applications (issue 14): what each organisation has in each round, kept in the
-- same transaction as every write that changes it, so the portal reads its figures and pages its applications by
-- round instead of reading every application of the organisation per request. An application counts once for each
-- organisation in it (its lead, and each co-applicant that is not also its lead), with its decision if approved: the
-- grant to the lead's column for the lead, the whole joint grant to the co-applicant column for the others (as
-- db/queries/portal.ts has always shown them). Triggers on applications, application_co_applicants and decisions keep
-- it for every writer at once (the forms, the import in its worker thread, the merge, the seed and the bench
-- generator), each adding what the change brings and taking away what it ends; a row left with no applications goes.
-- An application's deletion takes its share away BEFORE the row goes: its co-applicants are deleted after it by the
-- cascade, when their triggers no longer find it.
CREATE TABLE `portal_round_totals` (
	`organisation_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`applications` integer NOT NULL,
	`approved` integer NOT NULL,
	`granted_as_lead` integer NOT NULL,
	`granted_as_co_applicant` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `round_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- What the database holds already.
INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
SELECT organisation_id, round_id, count(*), sum(approved), sum(granted_as_lead), sum(granted_as_co_applicant) FROM (
  SELECT a.lead_organisation_id AS organisation_id, a.round_id, (coalesce(d.outcome, '') = 'approved') AS approved, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END) AS granted_as_lead, 0 AS granted_as_co_applicant
    FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
  UNION ALL
  SELECT c.organisation_id, a.round_id, (coalesce(d.outcome, '') = 'approved'), 0, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
    FROM application_co_applicants c JOIN applications a ON a.id = c.application_id LEFT JOIN decisions d ON d.application_id = a.id
    WHERE c.organisation_id <> a.lead_organisation_id
) GROUP BY organisation_id, round_id;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_application_insert AFTER INSERT ON applications BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT NEW.lead_organisation_id, NEW.round_id, 1, (coalesce(d.outcome, '') = 'approved'), (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END), 0
      FROM (SELECT 1) LEFT JOIN decisions d ON d.application_id = NEW.id
    UNION ALL
    SELECT c.organisation_id, NEW.round_id, 1, (coalesce(d.outcome, '') = 'approved'), 0, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM application_co_applicants c LEFT JOIN decisions d ON d.application_id = c.application_id
      WHERE c.application_id = NEW.id AND c.organisation_id <> NEW.lead_organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_application_move AFTER UPDATE OF lead_organisation_id, round_id ON applications
  WHEN OLD.lead_organisation_id IS NOT NEW.lead_organisation_id OR OLD.round_id IS NOT NEW.round_id BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT OLD.lead_organisation_id, OLD.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END), 0
      FROM (SELECT 1) LEFT JOIN decisions d ON d.application_id = OLD.id
    UNION ALL
    SELECT c.organisation_id, OLD.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), 0, -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM application_co_applicants c LEFT JOIN decisions d ON d.application_id = c.application_id
      WHERE c.application_id = OLD.id AND c.organisation_id <> OLD.lead_organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT NEW.lead_organisation_id, NEW.round_id, 1, (coalesce(d.outcome, '') = 'approved'), (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END), 0
      FROM (SELECT 1) LEFT JOIN decisions d ON d.application_id = NEW.id
    UNION ALL
    SELECT c.organisation_id, NEW.round_id, 1, (coalesce(d.outcome, '') = 'approved'), 0, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM application_co_applicants c LEFT JOIN decisions d ON d.application_id = c.application_id
      WHERE c.application_id = NEW.id AND c.organisation_id <> NEW.lead_organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_before_application_delete BEFORE DELETE ON applications BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT OLD.lead_organisation_id, OLD.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END), 0
      FROM (SELECT 1) LEFT JOIN decisions d ON d.application_id = OLD.id
    UNION ALL
    SELECT c.organisation_id, OLD.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), 0, -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM application_co_applicants c LEFT JOIN decisions d ON d.application_id = c.application_id
      WHERE c.application_id = OLD.id AND c.organisation_id <> OLD.lead_organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_co_applicant_insert AFTER INSERT ON application_co_applicants BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT NEW.organisation_id, a.round_id, 1, (coalesce(d.outcome, '') = 'approved'), 0, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
      WHERE a.id = NEW.application_id AND a.lead_organisation_id <> NEW.organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_co_applicant_update AFTER UPDATE OF application_id, organisation_id ON application_co_applicants BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT OLD.organisation_id, a.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), 0, -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
      WHERE a.id = OLD.application_id AND a.lead_organisation_id <> OLD.organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT NEW.organisation_id, a.round_id, 1, (coalesce(d.outcome, '') = 'approved'), 0, (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
      WHERE a.id = NEW.application_id AND a.lead_organisation_id <> NEW.organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_co_applicant_delete AFTER DELETE ON application_co_applicants BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT OLD.organisation_id, a.round_id, -1, -1 * (coalesce(d.outcome, '') = 'approved'), 0, -1 * (CASE WHEN d.outcome = 'approved' THEN d.granted_amount ELSE 0 END)
      FROM applications a LEFT JOIN decisions d ON d.application_id = a.id
      WHERE a.id = OLD.application_id AND a.lead_organisation_id <> OLD.organisation_id
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_decision_insert AFTER INSERT ON decisions WHEN NEW.outcome = 'approved' BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT a.lead_organisation_id, a.round_id, 0, 1, 1 * NEW.granted_amount, 0
      FROM applications a WHERE a.id = NEW.application_id AND NEW.outcome = 'approved'
    UNION ALL
    SELECT c.organisation_id, a.round_id, 0, 1, 0, 1 * NEW.granted_amount
      FROM applications a JOIN application_co_applicants c ON c.application_id = a.id
      WHERE a.id = NEW.application_id AND c.organisation_id <> a.lead_organisation_id AND NEW.outcome = 'approved'
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_decision_update AFTER UPDATE OF application_id, outcome, granted_amount ON decisions
  WHEN OLD.outcome = 'approved' OR NEW.outcome = 'approved' BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT a.lead_organisation_id, a.round_id, 0, -1, -1 * OLD.granted_amount, 0
      FROM applications a WHERE a.id = OLD.application_id AND OLD.outcome = 'approved'
    UNION ALL
    SELECT c.organisation_id, a.round_id, 0, -1, 0, -1 * OLD.granted_amount
      FROM applications a JOIN application_co_applicants c ON c.application_id = a.id
      WHERE a.id = OLD.application_id AND c.organisation_id <> a.lead_organisation_id AND OLD.outcome = 'approved'
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT a.lead_organisation_id, a.round_id, 0, 1, 1 * NEW.granted_amount, 0
      FROM applications a WHERE a.id = NEW.application_id AND NEW.outcome = 'approved'
    UNION ALL
    SELECT c.organisation_id, a.round_id, 0, 1, 0, 1 * NEW.granted_amount
      FROM applications a JOIN application_co_applicants c ON c.application_id = a.id
      WHERE a.id = NEW.application_id AND c.organisation_id <> a.lead_organisation_id AND NEW.outcome = 'approved'
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
CREATE TRIGGER portal_round_totals_after_decision_delete AFTER DELETE ON decisions WHEN OLD.outcome = 'approved' BEGIN
  INSERT INTO portal_round_totals (organisation_id, round_id, applications, approved, granted_as_lead, granted_as_co_applicant)
  SELECT * FROM (
    SELECT a.lead_organisation_id, a.round_id, 0, -1, -1 * OLD.granted_amount, 0
      FROM applications a WHERE a.id = OLD.application_id AND OLD.outcome = 'approved'
    UNION ALL
    SELECT c.organisation_id, a.round_id, 0, -1, 0, -1 * OLD.granted_amount
      FROM applications a JOIN application_co_applicants c ON c.application_id = a.id
      WHERE a.id = OLD.application_id AND c.organisation_id <> a.lead_organisation_id AND OLD.outcome = 'approved'
  ) WHERE true
  ON CONFLICT (organisation_id, round_id) DO UPDATE SET
    applications = applications + excluded.applications,
    approved = approved + excluded.approved,
    granted_as_lead = granted_as_lead + excluded.granted_as_lead,
    granted_as_co_applicant = granted_as_co_applicant + excluded.granted_as_co_applicant;
END;
--> statement-breakpoint
-- A round the organisation no longer takes part in is not one of its rounds.
CREATE TRIGGER portal_round_totals_after_emptied AFTER UPDATE OF applications ON portal_round_totals WHEN NEW.applications = 0 BEGIN
  DELETE FROM portal_round_totals WHERE organisation_id = NEW.organisation_id AND round_id = NEW.round_id;
END;
