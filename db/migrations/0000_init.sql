CREATE TABLE `application_co_applicants` (
	`application_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`application_id`, `organisation_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `co_applicants_organisation_idx` ON `application_co_applicants` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`registration_number` text NOT NULL,
	`lead_organisation_id` integer NOT NULL,
	`project_title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`focus_areas` text DEFAULT '[]' NOT NULL,
	`requested_amount` integer NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_title` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`contact_email` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_requested_nonnegative" CHECK("applications"."requested_amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_registration_number_unique` ON `applications` (`registration_number`);--> statement-breakpoint
CREATE INDEX `applications_round_status_idx` ON `applications` (`round_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_round_registration_idx` ON `applications` (`round_id`,`registration_number`);--> statement-breakpoint
CREATE INDEX `applications_lead_organisation_idx` ON `applications` (`lead_organisation_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `applications_round_requested_idx` ON `applications` (`round_id`,`requested_amount`);--> statement-breakpoint
CREATE INDEX `applications_round_title_idx` ON `applications` (`round_id`,"project_title" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE TABLE `counties` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`sort_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `counties_sort_name_idx` ON `counties` (`sort_name`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`round_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`granted_amount` integer DEFAULT 0 NOT NULL,
	`motivation` text DEFAULT '' NOT NULL,
	`decided_on` text NOT NULL,
	`decided_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decisions_granted_nonnegative" CHECK("decisions"."granted_amount" >= 0),
	CONSTRAINT "decisions_rejected_grants_nothing" CHECK("decisions"."outcome" = 'approved' OR "decisions"."granted_amount" = 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_application_unique` ON `decisions` (`application_id`);--> statement-breakpoint
CREATE INDEX `decisions_round_outcome_idx` ON `decisions` (`round_id`,`outcome`,`granted_amount`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`county_code` text NOT NULL,
	`sort_name` text NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `municipalities_county_idx` ON `municipalities` (`county_code`);--> statement-breakpoint
CREATE INDEX `municipalities_sort_name_idx` ON `municipalities` (`sort_name`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`municipality_code` text,
	`county_code` text,
	`sort_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_key_unique` ON `organisations` (`name_key`);--> statement-breakpoint
CREATE INDEX `organisations_sort_name_idx` ON `organisations` (`sort_name`);--> statement-breakpoint
CREATE INDEX `organisations_county_idx` ON `organisations` (`county_code`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`);--> statement-breakpoint
CREATE INDEX `organisations_municipality_idx` ON `organisations` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`funder` text NOT NULL,
	`allocation` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	CONSTRAINT "programmes_allocation_nonnegative" CHECK("programmes"."allocation" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_name_unique` ON `programmes` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_code_unique` ON `programmes` (`code`);--> statement-breakpoint
CREATE TABLE `registration_sequences` (
	`programme_id` integer NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`programme_id`, `year`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`year` integer NOT NULL,
	`budget` integer NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`decision_on` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`criteria` text DEFAULT '' NOT NULL,
	`is_last` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rounds_budget_nonnegative" CHECK("rounds"."budget" >= 0),
	CONSTRAINT "rounds_ordinal_positive" CHECK("rounds"."ordinal" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_programme_ordinal_unique` ON `rounds` (`programme_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`sort_name` text NOT NULL,
	`last_signed_in_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_coordinator_has_organisation" CHECK(("users"."role" = 'coordinator') = ("users"."organisation_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organisation_idx` ON `users` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `users_sort_name_idx` ON `users` (`sort_name`);