-- The consortium's libraries. Reference data: policy defaults from the HKALL service pages.
create table library (
  code               text primary key,            -- 'hku'
  name               text not null,
  name_zh            text not null,
  staff_group        text not null unique,        -- Camunda candidate group of its ILL staff
  rota_rank          integer not null unique,     -- lender rota order (lower asks first)
  allows_renewal     boolean not null default true,
  replacement_charge numeric(10, 2) not null,     -- HK$ charged for a lost or damaged item
  processing_fee     numeric(10, 2) not null      -- HK$ added to a replacement charge
);

insert into library (code, name, name_zh, staff_group, rota_rank, allows_renewal, replacement_charge, processing_fee) values
  ('hku',     'The University of Hong Kong Libraries',             '香港大學圖書館',       'staff-hku',     1, true,  500.00, 100.00),
  ('cuhk',    'The Chinese University of Hong Kong Library',       '香港中文大學圖書館',   'staff-cuhk',    2, true,  500.00, 100.00),
  ('hkust',   'HKUST Library',                                     '香港科技大學圖書館',   'staff-hkust',   3, true,  450.00, 100.00),
  ('polyu',   'Pao Yue-kong Library, PolyU',                       '香港理工大學包玉剛圖書館', 'staff-polyu', 4, true,  450.00, 100.00),
  ('hkbu',    'HKBU Library',                                      '香港浸會大學圖書館',   'staff-hkbu',    5, false, 400.00, 100.00),
  ('eduhk',   'EdUHK Library',                                     '香港教育大學圖書館',   'staff-eduhk',   6, true,  400.00, 100.00),
  ('lingnan', 'Fong Sum Wood Library, Lingnan University',         '嶺南大學冼為堅圖書館', 'staff-lingnan', 7, true,  400.00, 100.00),
  ('cityu',   'Run Run Shaw Library, City University of Hong Kong', '香港城市大學邵逸夫圖書館', 'staff-cityu', 8, true, 450.00, 100.00);

-- Patron categories with their loan rules (HKU's HKALL table: quota and loan period in calendar days).
-- Which services each category may use is decided in the DMN models (workflows/), not here.
create table patron_category (
  code       text primary key,
  name       text not null,
  name_zh    text not null,
  quota      integer not null check (quota >= 0),     -- items on loan or requested at once
  loan_days  integer not null check (loan_days > 0)
);

insert into patron_category (code, name, name_zh, quota, loan_days) values
  ('ACADEMIC',         'Academic / research staff',               '教學及研究人員',   30, 30),
  ('NON_ACADEMIC',     'Non-academic staff',                      '非教學人員',       15, 15),
  ('TECHNICIAN',       'Technicians',                             '技術員',           15, 15),
  ('HONORARY',         'Honorary staff',                          '名譽人員',         15, 15),
  ('UNDERGRADUATE',    'Undergraduates',                          '本科生',           15, 15),
  ('POSTGRADUATE',     'Postgraduates',                           '研究生',           15, 30),
  ('VISITING_SCHOLAR', 'Visiting scholars',                       '訪問學人',         15, 30),
  ('ALUMNI',           'Alumni',                                  '校友',              5, 15),
  ('SHORT_COURSE',     'Short-course students',                   '短期課程學生',      5, 15),
  ('VISITING_STUDENT', 'Visiting or outside-Hong Kong students',  '交換或境外學生',    5, 15);

create table patron (
  id            text primary key,                    -- library card number, e.g. 'P1001'
  name          text not null,
  email         text not null,
  category      text not null references patron_category (code),
  home_library  text not null references library (code),
  blocked       boolean not null default false,
  blocked_reason text,
  loans_in_use  integer not null default 0 check (loans_in_use >= 0)  -- home loans + HKALL holds and loans
);

-- Every request a patron places, whatever its kind; one top-level process instance each.
create sequence request_number start with 1001;

create table request (
  id                   text primary key,             -- 'R-1001', also the correlation key of its messages
  kind                 text not null check (kind in ('PHYSICAL', 'DIGITAL', 'OVERSEAS')),
  patron_id            text not null references patron (id),
  title                text not null,
  status               text not null,
  process_instance_key bigint,
  quota_held           boolean not null default false,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index request_patron on request (patron_id, created_at desc);

-- Status history for "My Requests": every change with time and actor. dedup_key makes a retried
-- job write no second row.
create table request_event (
  id          bigserial primary key,
  request_id  text not null references request (id),
  status      text not null,
  actor       text not null,
  note        text,
  at          timestamptz not null default now(),
  dedup_key   text unique
);
create index request_event_request on request_event (request_id, id);

-- The union catalogue: bibliographic records and the copies each library holds.
create table bib (
  id        bigserial primary key,
  title     text not null,
  author    text,
  isbn      text,
  issn      text,
  publisher text,
  year      integer
);
create index bib_isbn on bib (isbn);

create table item (
  id            bigserial primary key,
  bib_id        bigint not null references bib (id),
  library_code  text not null references library (code),
  barcode       text not null unique,
  format        text not null check (format in ('BOOK', 'EBOOK', 'ONLINE', 'DVD', 'JOURNAL', 'MICROFORM')),
  collection    text not null check (collection in ('GENERAL', 'REFERENCE', 'COURSE_READINGS', 'SPECIAL_COLLECTIONS')),
  status        text not null check (status in ('AVAILABLE', 'CHECKED_OUT', 'MISSING', 'ON_HKALL_LOAN')),
  not_for_loan  boolean not null default false,
  call_number   text
);
create index item_bib on item (bib_id);
