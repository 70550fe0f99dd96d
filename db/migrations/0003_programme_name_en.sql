ALTER TABLE `programmes` ADD `name_en` text;--> statement-breakpoint
UPDATE `programmes` SET `name_en` = 'Programme for Sustainable Gender Equality' WHERE `code` = 'HJ' AND `name_en` IS NULL;--> statement-breakpoint
UPDATE `programmes` SET `name_en` = 'Demo: practice programme for trying Anslag' WHERE `code` = 'DEMO' AND `name_en` IS NULL;
