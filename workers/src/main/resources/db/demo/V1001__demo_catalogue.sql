-- A small union catalogue (local mode only): each case of the HKALL rules has a title.
insert into bib (id, title, author, isbn, publisher, year) values
  (1,  'Hong Kong Copyright Law in Practice',            'Cheng, Alice',      '9789888528011', 'Hong Kong University Press', 2021),
  (2,  'The Archaeology of the South China Coast',       'Meacham, William',  '9789622090217', 'HKU Press',                 2019),
  (3,  'Designing Data-Intensive Applications',          'Kleppmann, Martin', '9781449373320', 'O''Reilly',                 2017),
  (4,  'A History of Hong Kong',                         'Welsh, Frank',      '9780006388302', 'HarperCollins',             1997),
  (5,  'Cantonese: A Comprehensive Grammar',             'Matthews, Stephen', '9781138124585', 'Routledge',                 2017),
  (6,  'Encyclopedia of Chinese Philosophy',             'Cua, Antonio S.',   '9780415939133', 'Routledge',                 2003),
  (7,  'Rare Maps of the Pearl River Delta',             'Lau, Kin Chung',    '9789620000001', 'Joint Publishing',          1932),
  (8,  'Introduction to Library Cataloguing',            'Taylor, Arlene',    '9781598848567', 'Libraries Unlimited',       2018),
  (9,  'Urban Planning in Hong Kong',                    'Ng, Mee Kam',       '9789622099999', 'HKU Press',                 2020),
  (10, 'Transit Oriented Development in Asia',           'Cervero, Robert',   '9780367000002', 'Routledge',                 2022);

-- 1: held by HKU and CUHK, both available -> requestable; HKU first in the rota
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (1, 'hku',   'HKU000101', 'BOOK', 'GENERAL', 'AVAILABLE', 'KNQ1160 .C44 2021'),
  (1, 'cuhk',  'CUHK00101', 'BOOK', 'GENERAL', 'AVAILABLE', 'KNQ1160 .C44 2021'),
  (1, 'polyu', 'PU0000101', 'BOOK', 'GENERAL', 'AVAILABLE', 'KNQ1160 .C44 2021');
-- 2: available at the home library (CityU) -> refused: borrow it at home
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (2, 'cityu', 'CU0000201', 'BOOK', 'GENERAL', 'AVAILABLE', 'DS796.H7 M43'),
  (2, 'hku',   'HKU000201', 'BOOK', 'GENERAL', 'AVAILABLE', 'DS796.H7 M43');
-- 3: checked out at home, available at HKUST -> requestable
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (3, 'cityu', 'CU0000301', 'BOOK', 'GENERAL', 'CHECKED_OUT', 'QA76.9.D3 K54'),
  (3, 'hkust', 'UST000301', 'BOOK', 'GENERAL', 'AVAILABLE', 'QA76.9.D3 K54');
-- 4: every copy out on loan -> refused
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (4, 'hku',   'HKU000401', 'BOOK', 'GENERAL', 'CHECKED_OUT', 'DS796.H757 W45'),
  (4, 'cuhk',  'CUHK00401', 'BOOK', 'GENERAL', 'CHECKED_OUT', 'DS796.H757 W45');
-- 5: only as an e-book and a DVD -> refused: non-loanable format
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (5, 'hku',   'HKU000501', 'EBOOK', 'GENERAL', 'AVAILABLE', 'online'),
  (5, 'hkbu',  'BU0000501', 'DVD',   'GENERAL', 'AVAILABLE', 'PL1101 .M38');
-- 6: only in reference collections -> refused: non-loanable collection
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (6, 'cuhk',  'CUHK00601', 'BOOK', 'REFERENCE', 'AVAILABLE', 'B126 .E53'),
  (6, 'hkust', 'UST000601', 'BOOK', 'REFERENCE', 'AVAILABLE', 'B126 .E53');
-- 7: special collections, too fragile -> refused
insert into item (bib_id, library_code, barcode, format, collection, status, not_for_loan, call_number) values
  (7, 'hku',   'HKU000701', 'BOOK', 'SPECIAL_COLLECTIONS', 'AVAILABLE', true, 'G2308.P4 L38');
-- 8: available at four libraries (rota walks)
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (8, 'hku',     'HKU000801', 'BOOK', 'GENERAL', 'AVAILABLE', 'Z693 .T39'),
  (8, 'cuhk',    'CUHK00801', 'BOOK', 'GENERAL', 'AVAILABLE', 'Z693 .T39'),
  (8, 'eduhk',   'ED0000801', 'BOOK', 'GENERAL', 'AVAILABLE', 'Z693 .T39'),
  (8, 'lingnan', 'LN0000801', 'BOOK', 'GENERAL', 'AVAILABLE', 'Z693 .T39');
-- 9: course readings at HKU but general at HKBU (which allows no renewals)
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (9, 'hku',   'HKU000901', 'BOOK', 'COURSE_READINGS', 'AVAILABLE', 'HT169.C62 N4'),
  (9, 'hkbu',  'BU0000901', 'BOOK', 'GENERAL',         'AVAILABLE', 'HT169.C62 N4');
-- 10: missing at PolyU, available at CUHK
insert into item (bib_id, library_code, barcode, format, collection, status, call_number) values
  (10, 'polyu', 'PU0001001', 'BOOK', 'GENERAL', 'MISSING',   'HE305 .C47'),
  (10, 'cuhk',  'CUHK01001', 'BOOK', 'GENERAL', 'AVAILABLE', 'HE305 .C47');

select setval('bib_id_seq', (select max(id) from bib));
