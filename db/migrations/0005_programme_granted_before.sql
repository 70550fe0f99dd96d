-- A column of its own rather than drizzle-kit's rebuilt table: rounds refer to programmes, and a rebuild would copy a
-- column the old table does not have. SQLite takes the CHECK on an added column.
ALTER TABLE `programmes` ADD `granted_before` integer DEFAULT 0 NOT NULL CONSTRAINT `programmes_granted_before_nonnegative` CHECK (`granted_before` >= 0);
