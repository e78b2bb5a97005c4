-- A separate HKALL cap: HKU's HKALL table limits the HKALL books a category may have at once
-- (15, or 30 for academic/research staff), while HKALL loans also count against the home library's
-- own loan quota (patron_category.quota, from the home library's regulations). Two numbers, both
-- checked when an HKALL request is accepted.
alter table patron_category add column hkall_cap integer check (hkall_cap >= 0);
update patron_category set hkall_cap = quota;
alter table patron_category alter column hkall_cap set not null;
comment on column patron_category.quota is 'home loan quota: items on loan or requested at once, any service';
comment on column patron_category.hkall_cap is 'HKALL books on loan or requested at once (HKU HKALL table)';

-- HKALL holds and loans of the patron (also counted in loans_in_use), and whether a request holds one.
alter table patron add column hkall_in_use integer not null default 0 check (hkall_in_use >= 0);
alter table request add column hkall_held boolean not null default false;

-- All 12 categories of HKU's HKALL table (the seven already here and these five), with their
-- HKALL limits; the home quota starts at the same number until the library sets its own.
insert into patron_category (code, name, name_zh, quota, loan_days, hkall_cap) values
  ('SPACE_CDP',          'HKU SPACE CDP students',                              '港大專業進修學院CDP學生',        15, 15, 15),
  ('SPACE_CC_STUDENT',   'HKU SPACE Community College students',                '港大附屬學院學生',              15, 15, 15),
  ('SPACE_NON_ACADEMIC', 'HKU SPACE non-academic staff and part-time tutors',  '港大專業進修學院非教學人員及兼職導師', 15, 15, 15),
  ('CENTENNIAL_STUDENT', 'Centennial College students',                         '明德學院學生',                  15, 15, 15),
  ('SPACE_ACADEMIC',     'HKU SPACE academic staff',                            '港大專業進修學院教學人員',        15, 30, 15);
