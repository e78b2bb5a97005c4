-- The patron's language (issue 15): mails, reasons and history notes in English or Traditional
-- Chinese. A patron's language is the one they last chose in the portal; until they choose, their
-- home library's default.
alter table library add column default_language text not null default 'en'
  check (default_language in ('en', 'zh-TW'));

alter table patron add column language text check (language in ('en', 'zh-TW'));

-- A history note written by the system is kept as a code of the patron texts and its arguments,
-- rendered in the reader's language when shown; note keeps the English text (for staff, and for
-- rows written before codes, which are shown as they are).
alter table request_event add column note_code text;
alter table request_event add column note_args jsonb;
