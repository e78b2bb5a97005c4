-- Library calendars: the days each library is closed (public holidays, closures staff enter in the
-- staff console) and any weekday it closes every week. Due dates and pickup deadlines fall on
-- opening days; task deadlines count working days (opening days from Monday to Friday).
create table library_closed_day (
  library_code  text not null references library (code),
  day           date not null,                      -- a Hong Kong date
  reason        text not null,
  changed_by    text,
  changed_at    timestamptz not null default now(),
  primary key (library_code, day)
);

-- e.g. 'SUNDAY' or 'SATURDAY,SUNDAY'; empty = open every day of the week
alter table library add column closed_weekdays text not null default '';

-- Where a library's ILL staff and its managers read deadline reminders and escalations.
alter table library add column staff_email text;
alter table library add column managers_email text;
update library set staff_email = 'ill-' || code || '@interlend.local',
                   managers_email = 'ill-managers-' || code || '@interlend.local';
