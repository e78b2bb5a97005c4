-- Overseas requests: items no consortium library can supply, sourced from overseas partners and
-- national libraries (1 to 3 months, sometimes at a cost the patron must accept first).

-- Partners the home library's staff source from. Reference data; the "Source from partner" form
-- offers the same codes.
create table overseas_partner (
  code      text primary key,                  -- 'nlc'
  name      text not null,
  country   text not null,                     -- ISO 3166 alpha-2
  currency  text not null,                     -- ISO 4217 of its invoices
  supplies_books  boolean not null default true,
  supplies_copies boolean not null default true
);

insert into overseas_partner (code, name, country, currency, supplies_books, supplies_copies) values
  ('nlc',       'National Library of China',                     'CN', 'CNY', true,  true),
  ('shanghai',  'Shanghai Library',                              'CN', 'CNY', true,  true),
  ('calis',     'CALIS (China Academic Library & Information System)', 'CN', 'CNY', true, true),
  ('bl',        'The British Library (On Demand)',               'GB', 'GBP', true,  true),
  ('liverpool', 'University of Liverpool Library',               'GB', 'GBP', true,  true),
  ('oclc',      'OCLC WorldShare ILL partner (United States)',   'US', 'USD', true,  true),
  ('subito',    'subito document delivery',                      'DE', 'EUR', false, true),
  ('ndl',       'National Diet Library',                         'JP', 'JPY', false, true);

-- One row per overseas request: what was asked for, and how it was sourced, ordered and received.
create table overseas_request (
  request_id        text primary key references request (id),
  item_type         text not null check (item_type in ('BOOK', 'COPY')),
  purpose           text not null check (purpose in ('TEACHING_RESEARCH', 'PERSONAL')),
  author            text,
  isbn              text,
  issn              text,
  publisher         text,
  year              integer,
  edition           text,
  article_title     text,                    -- copies: the chapter or article
  volume            text,
  pages             text,                    -- copies: page range, e.g. '45-67'
  patron_note       text,
  partner_code      text references overseas_partner (code),
  estimated_cost    numeric(12, 2),
  currency          text,
  cost_hkd          numeric(12, 2),          -- converted with interlend.overseas.rates.<CUR>
  rate_hkd          numeric(12, 6),          -- HK$ per unit of the currency, as used
  delivery_estimate text,
  format            text check (format in ('PHYSICAL', 'DIGITAL')),
  order_reference   text,
  sourced_at        timestamptz,
  ordered_at        timestamptz,
  arrived_at        timestamptz,
  created_at        timestamptz not null default now()
);
