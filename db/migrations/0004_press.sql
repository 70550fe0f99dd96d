CREATE TABLE `press_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`author_id` integer,
	`author_label` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `press_releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `press_comments_release_idx` ON `press_comments` (`release_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `press_preview_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`release_id`) REFERENCES `press_releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `press_preview_links_token_unique` ON `press_preview_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `press_preview_links_release_idx` ON `press_preview_links` (`release_id`);--> statement-breakpoint
CREATE TABLE `press_release_topics` (
	`release_id` integer NOT NULL,
	`topic` text NOT NULL,
	PRIMARY KEY(`release_id`, `topic`),
	FOREIGN KEY (`release_id`) REFERENCES `press_releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `press_release_topics_topic_idx` ON `press_release_topics` (`topic`,`release_id`);--> statement-breakpoint
CREATE TABLE `press_release_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`saved_by` integer,
	`saved_by_label` text NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `press_releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `press_release_versions_unique` ON `press_release_versions` (`release_id`,`version`);--> statement-breakpoint
CREATE TABLE `press_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`template_id` integer,
	`target_kind` text NOT NULL,
	`round_id` integer NOT NULL,
	`county_code` text,
	`application_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`headline` text NOT NULL,
	`ingress` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`quotes` text DEFAULT '[]' NOT NULL,
	`contacts` text DEFAULT '' NOT NULL,
	`boilerplate` text DEFAULT '' NOT NULL,
	`region_code` text,
	`facts` text NOT NULL,
	`facts_hash` text NOT NULL,
	`stale_at` integer,
	`publish_at` integer,
	`published_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `press_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `press_releases_slug_unique` ON `press_releases` (`slug`);--> statement-breakpoint
CREATE INDEX `press_releases_status_publish_idx` ON `press_releases` (`status`,`publish_at`);--> statement-breakpoint
CREATE INDEX `press_releases_publish_idx` ON `press_releases` (`publish_at`);--> statement-breakpoint
CREATE INDEX `press_releases_region_idx` ON `press_releases` (`region_code`,`publish_at`);--> statement-breakpoint
CREATE INDEX `press_releases_round_idx` ON `press_releases` (`round_id`,`status`);--> statement-breakpoint
CREATE INDEX `press_releases_updated_idx` ON `press_releases` (`updated_at`);--> statement-breakpoint
CREATE TABLE `press_template_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`saved_by` integer,
	`saved_by_label` text NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `press_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `press_template_versions_unique` ON `press_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `press_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`target_kind` text NOT NULL,
	`source` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `press_templates_key_unique` ON `press_templates` (`key`);
--> statement-breakpoint
INSERT INTO `press_templates` (`key`, `name`, `target_kind`, `source`, `version`) VALUES ('round', 'Omgången, hela landet', 'round', '{{ round.granted | miljoner }} till jämställdhet

{{ round.approved | i_ord | versal }} kommuner och landsting får pengar via {{ sender.short_name }} för att arbeta med jämställdhetsintegrering. [INGRESS: en mening om vad pengarna ska göra, till exempel ett av projekten nedan.]

{{ programme.name }} är den största svenska satsningen i sitt slag, och det är {{ round.ordinal | ordningstal }}{% if round.is_last %} och sista{% endif %} gången {{ sender.name }} fördelar de jämställdhetspengar som {{ programme.funder }} anslagit. Totalt har {{ programme.granted_total | miljoner }} fördelats till utvecklingsarbeten i kommuner, landsting/regioner, förbund och företag.

Satsningen ska leda till likvärdig service för kvinnor och män, flickor och pojkar.

– [CITAT: vad satsningen ska leda till], säger [NAMN, TITEL].
{%- if recipients.size > 0 %}
{%- assign exempel = recipients.first %}

[EXEMPEL, byt gärna mot det projekt ni vill lyfta:] {{ exempel.name }} är en av mottagarna och får {{ exempel.amount | belopp }} för projektet ”{{ exempel.project_title }}”. {{ exempel.description }}
{%- endif %}

{{ sender.boilerplate }}

Hela listan på projekt som fått pengar: {{ round.grants_url }}

För mer information:{% for c in press_contacts %} {{ c.name }}, {{ c.title }}, tfn: {{ c.phone }}, {{ c.email }}{% endfor %}
', 1);
--> statement-breakpoint
INSERT INTO `press_template_versions` (`template_id`, `version`, `name`, `source`, `saved_by_label`, `saved_at`) SELECT `id`, 1, `name`, `source`, 'Anslag', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `press_templates` WHERE `key` = 'round';
--> statement-breakpoint
INSERT INTO `press_templates` (`key`, `name`, `target_kind`, `source`, `version`) VALUES ('county', 'Mottagarna i ett län', 'county', '{%- if recipients.size == 0 -%}
[INGA MOTTAGARE: ingen beviljad ansökan i {{ county.name }} i {{ round.ordinal | ordningstal }} omgången. Välj ett annat län eller en annan omgång.]
{%- else -%}
{% if round.ordinal > 1 %}Mer pengar{% else %}Pengar{% endif %} till jämställdhet i {{ county | lan_kort }}

Servicen i många offentligt finansierade verksamheter är inte jämställd. Det vill {{ programme.name }} göra någonting åt. {{ sender.name }} ({{ sender.short_name }}) har beslutat att bevilja {{ recipients | map: "amount" | respektive }} till {{ recipients | map: "name" | lista }} för att {% if recipients.size > 1 or recipients.first.is_joint %}de{% else %}den{% endif %} ska kunna {% if round.ordinal > 1 %}fortsätta{% else %}utveckla{% endif %} sitt långsiktiga jämställdhetsarbete.
{%- for r in recipients %}

{{ r.name }}: ”{{ r.project_title }}”. {{ r.description }}
{%- endfor %}

{{ recipients | map: "short_name" | lista }} är {{ recipients.size | andel_av: round.approved, round.recipient_kinds }} som får {% if round.ordinal > 1 %}fortsatta {% endif %}pengar för att säkra en hållbar jämställdhet i sina verksamheter.

Pengarna delas ut inom ramen för den nationella satsningen {{ programme.name }} som är initierad av {{ programme.funder }}. Den har beviljat {{ sender.short_name }} totalt {{ programme.allocation | belopp }} för att stödja kommuner och landsting i arbetet med långsiktig jämställdhetsintegrering.

{{ sender.boilerplate }}

Mer information finns på {{ sender.website }}

Kontaktpersoner:
{%- for r in recipients %}
{% if r.contact.name != blank %}{{ r.organisations.first.name }}, {{ r.contact.name }}{% if r.contact.phone != blank %}, tfn: {{ r.contact.phone }}{% endif %}{% endif %}
{%- endfor %}

För mer information:{% for c in press_contacts %} {{ c.name }}, {{ c.title }}, tfn: {{ c.phone }}, {{ c.email }}{% endfor %}
{%- endif %}
', 1);
--> statement-breakpoint
INSERT INTO `press_template_versions` (`template_id`, `version`, `name`, `source`, `saved_by_label`, `saved_at`) SELECT `id`, 1, `name`, `source`, 'Anslag', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `press_templates` WHERE `key` = 'county';
--> statement-breakpoint
INSERT INTO `press_templates` (`key`, `name`, `target_kind`, `source`, `version`) VALUES ('recipient', 'En mottagare, med plats för citat', 'recipient', '{%- assign r = recipients.first -%}
{{ r.amount | miljoner }} till jämställdhetsarbete i {{ r.short_name }}

{{ sender.name }} ({{ sender.short_name }}) har gett {{ r.name }} {{ r.amount | belopp }} för projektet ”{{ r.project_title }}”. Pengarna kommer från {{ sender.short_name }}:s satsning {{ programme.name }}.

{{ r.description }}

– [CITAT: vad pengarna betyder för {{ r.short_name }}], säger [NAMN, TITEL].

– [CITAT: hur arbetet ska göras], säger {% if r.contact.name != blank %}{{ r.contact.name }}{% if r.contact.title != blank %}, {{ r.contact.title }}{% endif %} i {{ r.organisations.first.name }}{% else %}[NAMN, TITEL]{% endif %}.

{{ r.name }} är {{ 1 | andel_av: round.approved, round.recipient_kinds }} som får pengar i {{ round.ordinal | ordningstal }} omgången. {{ sender.short_name }} har gett utvecklingsmedel till {{ round.approved | andel_av: round.received, "projektansökningar" }} som kommit in från hela Sverige. Totalt har {{ round.granted | belopp }} delats ut.

{{ sender.boilerplate }}

För mer information kontakta:

{% if r.contact.name != blank %}{{ r.contact.name }}, {% if r.contact.title != blank %}{{ r.contact.title }}, {% endif %}{{ r.organisations.first.name }}{% if r.contact.phone != blank %}, tel {{ r.contact.phone }}{% endif %}{% else %}[KONTAKT: namn, titel, {{ r.organisations.first.name }}, telefon]{% endif %}

[FLER KONTAKTER: namn, titel, telefon]

[OM {{ r.name }}: några rader om organisationen]
', 1);
--> statement-breakpoint
INSERT INTO `press_template_versions` (`template_id`, `version`, `name`, `source`, `saved_by_label`, `saved_at`) SELECT `id`, 1, `name`, `source`, 'Anslag', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `press_templates` WHERE `key` = 'recipient';
