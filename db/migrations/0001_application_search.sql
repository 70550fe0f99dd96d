-- Text search over a round's applications (issue 11): organisation names (lead and co-applicants), project title and
-- registration number in one FTS5 table with the trigram tokenizer, so a search finds any substring of three
-- characters or more, case-folded for every letter (SQLite's own LIKE and lower() fold only A-Z, so "örebro" never
-- found "Örebro"). Diacritics are kept: å, ä and ö are letters of their own in Swedish, "umea" is not "Umeå".
-- The rowid is the application's id. Triggers keep the table in step with every write path (registration, edit,
-- import, the seed, an organisation's rename), so no application code has to remember it.
CREATE VIRTUAL TABLE application_search USING fts5(
  registration_number,
  project_title,
  organisation_names,
  tokenize = 'trigram remove_diacritics 0 case_sensitive 0'
);
--> statement-breakpoint
INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id;
--> statement-breakpoint
CREATE TRIGGER application_search_after_insert AFTER INSERT ON applications BEGIN
  DELETE FROM application_search WHERE rowid = NEW.id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_update AFTER UPDATE OF registration_number, project_title, lead_organisation_id ON applications BEGIN
  DELETE FROM application_search WHERE rowid = OLD.id;
  DELETE FROM application_search WHERE rowid = NEW.id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_delete AFTER DELETE ON applications BEGIN
  DELETE FROM application_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_co_applicant_insert AFTER INSERT ON application_co_applicants BEGIN
  DELETE FROM application_search WHERE rowid = NEW.application_id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = NEW.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_co_applicant_update AFTER UPDATE ON application_co_applicants BEGIN
  DELETE FROM application_search WHERE rowid = OLD.application_id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = OLD.application_id;
  DELETE FROM application_search WHERE rowid = NEW.application_id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = NEW.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_co_applicant_delete AFTER DELETE ON application_co_applicants BEGIN
  DELETE FROM application_search WHERE rowid = OLD.application_id;
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id = OLD.application_id;
END;
--> statement-breakpoint
CREATE TRIGGER application_search_after_organisation_rename AFTER UPDATE OF name ON organisations BEGIN
  DELETE FROM application_search WHERE rowid IN (
    SELECT id FROM applications WHERE lead_organisation_id = NEW.id
    UNION SELECT application_id FROM application_co_applicants WHERE organisation_id = NEW.id
  );
  INSERT INTO application_search (rowid, registration_number, project_title, organisation_names)
  SELECT a.id, a.registration_number, a.project_title,
    o.name || coalesce((SELECT char(10) || group_concat(co.name, char(10)) FROM application_co_applicants c JOIN organisations co ON co.id = c.organisation_id WHERE c.application_id = a.id), '')
  FROM applications a JOIN organisations o ON o.id = a.lead_organisation_id
  WHERE a.id IN (
    SELECT id FROM applications WHERE lead_organisation_id = NEW.id
    UNION SELECT application_id FROM application_co_applicants WHERE organisation_id = NEW.id
  );
END;
