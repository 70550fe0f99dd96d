DROP INDEX `applications_round_created_idx`;--> statement-breakpoint
CREATE INDEX `applications_round_registration_idx` ON `applications` (`round_id`,`registration_number`);--> statement-breakpoint
CREATE INDEX `applications_round_title_idx` ON `applications` (`round_id`,"project_title" COLLATE NOCASE);