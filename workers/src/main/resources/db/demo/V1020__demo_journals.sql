-- Journals for digital copy requests (local mode only). Chapters can be requested from the demo
-- books of V1001 (by ISBN); articles from these journals (by ISSN).
insert into bib (title, author, issn, publisher, year) values
  ('Journal of Library and Information Science in Hong Kong', null, '1234-5679', 'HKALL Press', 2024),
  ('Hong Kong Law Journal',                                   null, '0378-0600', 'Sweet & Maxwell Asia', 2024);

insert into item (bib_id, library_code, barcode, format, collection, status, call_number)
select b.id, l.code, upper(l.code) || '-J' || b.id, 'JOURNAL', 'GENERAL', 'AVAILABLE', 'Periodicals'
  from bib b cross join (values ('hku'), ('cuhk'), ('lingnan')) as l (code)
 where b.issn in ('1234-5679', '0378-0600');
