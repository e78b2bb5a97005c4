-- Digital copies (book chapters and journal articles) supplied under ss.47-48 of the Copyright
-- Ordinance (Cap. 528). One row per request of kind DIGITAL: what was asked for, the patron's
-- declaration, and the delivered copy with its download count.

create table digital_request (
  request_id     text primary key references request (id),
  kind           text not null check (kind in ('CHAPTER', 'ARTICLE')),
  title          text not null,            -- book title, or journal title for an article
  isbn           text,                     -- digits only (normalised), chapters
  issn           text,                     -- digits and X only (normalised), articles
  chapter        text,                     -- chapter number or title; blank for an extract
  article_title  text,
  volume         text,
  issue          text,
  page_start     integer check (page_start > 0),
  page_end       integer check (page_end >= page_start),
  total_pages    integer check (total_pages > 0),   -- pages of the whole work (chapters)
  supplier       text references library (code),    -- the library that scanned it
  created_at     timestamptz not null default now()
);
-- s.47 and s.48 look up the patron's earlier requests for the same issue or work.
create index digital_request_issn on digital_request (issn, volume, issue);
create index digital_request_isbn on digital_request (isbn);

-- The declaration the patron signs with each request (all four statements must be affirmed).
create table copy_declaration (
  request_id                  text primary key references request (id),
  patron_id                   text not null references patron (id),
  research_or_private_study   boolean not null check (research_or_private_study),
  not_supplied_before         boolean not null check (not_supplied_before),
  not_related_to_other_person boolean not null check (not_related_to_other_person),
  no_redistribution           boolean not null check (no_redistribution),
  wording                     text not null,      -- the text the patron affirmed
  declared_at                 timestamptz not null default now()
);

-- The delivered copy. object_key is chosen once per request (a retried watermark job reuses it)
-- and is random, so it cannot be guessed; the object is removed when the window closes.
create table digital_delivery (
  request_id      text primary key references request (id),
  object_key      text not null unique,
  sha256          text,
  bytes           bigint,
  pages           integer,
  published_at    timestamptz,
  available_until timestamptz,
  max_downloads   integer,
  downloads       integer not null default 0 check (downloads >= 0),
  expired_at      timestamptz
);

-- Each download granted, for audit ("who fetched the copy, when").
create table digital_download (
  id          bigserial primary key,
  request_id  text not null references digital_delivery (request_id),
  number      integer not null,
  at          timestamptz not null default now(),
  unique (request_id, number)
);
