CREATE TABLE `newsroom_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`topic` text,
	`county_code` text,
	`filter_key` text NOT NULL,
	`locale` text DEFAULT 'sv' NOT NULL,
	`confirm_token_hash` text,
	`confirm_expires_at` integer,
	`confirmed_at` integer,
	`unsubscribe_token` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsroom_subscriptions_email_filter_unique` ON `newsroom_subscriptions` (`email`,`filter_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsroom_subscriptions_confirm_unique` ON `newsroom_subscriptions` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsroom_subscriptions_unsubscribe_unique` ON `newsroom_subscriptions` (`unsubscribe_token`);--> statement-breakpoint
CREATE INDEX `newsroom_subscriptions_match_idx` ON `newsroom_subscriptions` (`topic`,`county_code`) WHERE "newsroom_subscriptions"."confirmed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `newsroom_subscriptions_unconfirmed_idx` ON `newsroom_subscriptions` (`confirm_expires_at`) WHERE "newsroom_subscriptions"."confirmed_at" IS NULL;--> statement-breakpoint
CREATE TABLE `press_release_mailings` (
	`release_id` integer PRIMARY KEY NOT NULL,
	`due_at` integer NOT NULL,
	`mailed_at` integer,
	`recipients` integer,
	FOREIGN KEY (`release_id`) REFERENCES `press_releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `press_release_mailings_due_idx` ON `press_release_mailings` (`due_at`) WHERE "press_release_mailings"."mailed_at" IS NULL;--> statement-breakpoint
CREATE INDEX `mail_outbox_to_idx` ON `mail_outbox` (`to`);--> statement-breakpoint
-- Releases already public when subscriptions came were never mailed and never will be (recipients NULL: before
-- the mailing existed); those scheduled or embargoed for later are mailed when their time comes.
INSERT INTO `press_release_mailings` (`release_id`, `due_at`, `mailed_at`, `recipients`)
SELECT `id`, `publish_at`, CASE WHEN `publish_at` <= CAST(strftime('%s', 'now') AS INTEGER) * 1000 THEN `publish_at` END, NULL
FROM `press_releases`
WHERE `status` IN ('published', 'scheduled', 'embargoed') AND `publish_at` IS NOT NULL;
