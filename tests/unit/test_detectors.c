/* Per detector: positives and hard negatives through the public
 * ajar_classify_value(), table-driven. A row says which detector must
 * (or must not) fire for a value in a field. */
#include <string.h>
#include "ajar/ajar.h"
#include "unit.h"

struct row {
  const char *detector;
  const char *field;
  const char *value;
  int expect; /* 1: must fire, 0: must not */
};

static const struct row rows[] = {
  /* China resident id: check digit, date, region */
  {"cn_resident_id", "f1", "11010519491231002X", 1},
  {"cn_resident_id", "sfzh", "110105194912310021", 0},      /* wrong check */
  {"cn_resident_id", "person.idcard", "510107198803251804", 1},
  {"cn_resident_id", "f2", "110105194902300028", 0},        /* Feb 30 */
  {"cn_resident_id", "身份证号", "310104197401204043", 1},
  {"cn_resident_id", "order_no", "123456789012345678", 0},
  /* US SSN: dashed by value, plain with field name */
  {"us_ssn", "f1", "536-22-8726", 1},
  {"us_ssn", "ssn", "536228726", 1},
  {"us_ssn", "ssn_number", "219-09-9999", 0},
  {"us_ssn", "f1", "666-12-3456", 0},
  {"us_ssn", "f1", "536228726", 0},
  {"us_ssn", "social_security", "839-56-9015", 1},
  /* UK NINO */
  {"uk_nino", "f1", "AB123456C", 1},
  {"uk_nino", "nino", "NE 89 60 98 D", 1},
  {"uk_nino", "f1", "QQ123456C", 0},
  {"uk_nino", "f1", "GB123456A", 0},
  {"uk_nino", "ni", "CE123456E", 0},
  {"uk_nino", "f1", "JG103759A", 1},
  {"uk_nino", "_id", "cp000001", 0},       /* a record id, no suffix letter */
  {"uk_nino", "nino", "JG103759", 1},      /* no suffix: with the field name */
  /* ES DNI/NIE */
  {"es_dni", "f1", "12345678Z", 1},
  {"es_dni", "f1", "X1234567L", 1},
  {"es_dni", "dni", "12345678A", 0},
  {"es_dni", "f1", "00000000T", 1},
  {"es_dni", "f1", "X1234567A", 0},
  {"es_dni", "f1", "1234567Z", 0},
  /* Aadhaar: Verhoeff */
  {"in_aadhaar", "f1", "234123412346", 1},
  {"in_aadhaar", "aadhaar", "2341 2341 2346", 1},
  {"in_aadhaar", "f1", "234123412341", 0},
  {"in_aadhaar", "f1", "123412341234", 0},
  {"in_aadhaar", "uid", "499118665246", 1},
  {"in_aadhaar", "f1", "99999999999", 0},
  /* card: IIN + Luhn */
  {"card", "f1", "4111111111111111", 1},
  {"card", "card_number", "5500 0000 0000 0004", 1},
  {"card", "f1", "378282246310005", 1},
  {"card", "order_no", "4111111111111112", 0},
  {"card", "f1", "1234567812345670", 0},              /* Luhn ok, no IIN */
  {"card", "f1", "4111111111", 0},
  /* IMEI: Luhn */
  {"imei", "f1", "490154203237518", 1},
  {"imei", "imei", "356938035643809", 1},
  {"imei", "f1", "490154203237517", 0},
  {"imei", "f1", "35-209900-176148-1", 1},
  {"imei", "f1", "111111111111111", 0},
  {"imei", "f1", "49015420323751", 0},
  /* IMSI: MCC */
  {"imsi", "imsi", "460001234567890", 1},
  {"imsi", "f1", "310260123456789", 1},
  {"imsi", "f1", "999001234567890", 0},
  {"imsi", "f1", "000001234567890", 0},
  {"imsi", "f1", "234150999999999", 1},
  {"imsi", "f1", "46000123", 0},
  /* MAC */
  {"mac", "f1", "3c:22:fb:12:34:56", 1},
  {"mac", "f1", "3C-22-FB-12-34-56", 1},
  {"mac", "f1", "3c22.fb12.3456", 1},
  {"mac", "mac", "00:00:00:00:00:00", 0},
  {"mac", "f1", "ff:ff:ff:ff:ff:ff", 0},
  {"mac", "f1", "550e8400-e29b-41d4-a716-446655440000", 0},
  /* IP */
  {"ipv4", "client_ip", "203.0.113.7", 1},
  {"ipv4", "f1", "8.8.8.8", 1},
  {"ipv4", "version", "1.2.3.4", 0},                  /* semantic version */
  {"ipv4", "f1", "256.1.1.1", 0},
  {"ipv4", "f1", "1.2.3", 0},
  {"ipv6", "f1", "2001:db8::1", 1},
  {"ipv6", "f1", "fe80::1ff:fe23:4567:890a", 1},
  {"ipv6", "f1", "12:34", 0},
  /* advertising id: a UUID only in an ad/device field */
  {"advertising_id", "idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC", 1},
  {"advertising_id", "gaid", "38400000-8cf0-11bd-b23e-10b96e40000d", 1},
  {"advertising_id", "advertising_id", "cdda802e-fb9c-47ad-9866-0794d394c912", 1},
  {"advertising_id", "request_id", "6D92078A-8246-4BA4-AE5B-76104861E7DC", 0},
  {"advertising_id", "trace_id", "38400000-8cf0-11bd-b23e-10b96e40000d", 0},
  {"advertising_id", "f1", "cdda802e-fb9c-47ad-9866-0794d394c912", 0},
  /* e-mail */
  {"email", "f1", "alice@example.com", 1},
  {"email", "contact", "zhang.wei@163.com", 1},
  {"email", "f1", "first.last+tag@sub.example.co.uk", 1},
  {"email", "f1", "alice@localhost", 0},
  {"email", "f1", "@example.com", 0},
  {"email", "f1", "alice@example.c0m", 0},
  /* phones */
  {"phone_e164", "f1", "+8613812345678", 1},
  {"phone_e164", "f1", "+44 20 7946 0958", 1},
  {"phone_e164", "f1", "+1 415 555 2671", 1},
  {"phone_e164", "f1", "+0123456789", 0},
  {"phone_e164", "f1", "+12", 0},
  {"cn_mobile", "f1", "13812345678", 1},
  {"cn_mobile", "sjhm", "19912345678", 1},
  {"cn_mobile", "f1", "12812345678", 0},
  {"cn_mobile", "f1", "1381234567", 0},
  {"phone_national", "phone", "(415) 555-2671", 1},
  {"phone_national", "tel", "020 7946 0958", 1},
  /* printed as phones are, a candidate by value (collection_finish.c wants
   * most of a field so); ids and dates in the same punctuation are not */
  {"phone_national", "f1", "(415) 555-2671", 1},
  {"phone_national", "f1", "001-415-555-2671x123", 1},
  {"phone_national", "f1", "+44 20 7946 0958", 1},
  {"phone_national", "f1", "138 1234 5678", 1},
  {"phone_national", "f1", "123-45-6789", 0},
  {"phone_national", "f1", "978-3-16-148410-0", 0},
  {"phone_national", "f1", "2024-11-27", 0},
  {"phone_national", "f1", "12.345.678", 0},
  {"phone_national", "f1", "140.142675", 0},
  {"phone_national", "passport_no", "8344 978690", 0},
  /* VIN */
  {"vin", "f1", "1M8GDM9AXKP042788", 1},
  {"vin", "vin", "LSVAM4187C2184847", 1},
  {"vin", "f1", "1M8GDM9AXKP042789", 0},              /* NA check digit */
  {"vin", "f1", "1M8GDM9AIKP042788", 0},              /* I not allowed */
  {"vin", "f1", "WP0ZZZ99ZTS392124", 1},
  {"vin", "f1", "11111111111111111", 0},
  /* CN plates */
  {"cn_plate", "f1", "京A12345", 1},
  {"cn_plate", "f1", "粤B·D12345", 1},
  {"cn_plate", "cph", "沪C8J9K2", 1},
  {"cn_plate", "f1", "北A12345", 0},
  {"cn_plate", "f1", "京12345", 0},
  {"cn_plate", "f1", "京AABCDE", 0},
  /* IBAN */
  {"iban", "f1", "GB82WEST12345698765432", 1},
  {"iban", "iban", "DE89 3704 0044 0532 0130 00", 1},
  {"iban", "f1", "FR1420041010050500013M02606", 1},
  {"iban", "f1", "GB82WEST12345698765431", 0},
  {"iban", "f1", "XX82WEST12345698765432", 0},
  {"iban", "f1", "DE8937040044053201300", 0},
  /* passports and generic plates: field name only */
  {"passport", "passport_no", "E12345678", 1},
  {"passport", "hzhm", "G12345678", 1},
  {"passport", "f1", "E12345678", 0},
  {"plate", "registration", "NV19 NKB", 1},
  {"plate", "license_plate", "7ABC123", 1},
  {"plate", "f1", "7ABC123", 0},
  /* coordinates */
  {"geo_point", "f1", "39.904200,116.407400", 1},
  {"geo_point", "location", "48.8566,2.3522", 1},
  {"geo_point", "f1", "1,2", 0},
  {"lat_lon", "lat", "39.9042", 1},
  {"lat_lon", "f1", "39.9042", 0},
  {"geohash", "geohash", "wx4g0bm6c", 1},
  {"geohash", "f1", "wx4g0bm6c", 0},
  {"geohash", "geohash", "hello", 0},
  /* face */
  {"face_attributes", "face.beard", "true", 1},
  {"face_attributes", "face.glasses", "false", 1},
  {"face_attributes", "face.age", "34", 1},
  {"face_attributes", "f1", "true", 0},
  {"face_image", "face_image", "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/", 1},
  {"face_image", "f1", "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/", 0},
  {"face_image", "photo", "hello", 0},
  /* special categories */
  {"ethnicity", "f1", "维吾尔族", 1},
  {"ethnicity", "mz", "汉族", 1},
  {"ethnicity", "f1", "Uyghur", 1},
  {"ethnicity", "f1", "汉", 0},
  {"ethnicity", "f1", "Li", 0},
  {"ethnicity", "f1", "hello", 0},
  {"religion", "f1", "伊斯兰教", 1},
  {"religion", "f1", "Buddhist", 1},
  {"religion", "faith", "Catholic", 1},
  {"religion", "f1", "Table", 0},
  {"political", "zzmm", "中共党员", 1},
  {"political", "f1", "共青团员", 1},
  {"political", "f1", "Democrat", 1},
  {"political", "f1", "Independent", 0},
  {"health", "diagnosis", "type 2 diabetes", 1},
  {"health", "icd10", "E11.9", 1},
  {"health", "f1", "高血压", 1},
  {"health", "f1", "E11.9", 0},
  {"health", "product", "vitamin pack", 0},
  /* credentials */
  {"private_key", "f1", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----", 1},
  {"private_key", "f1", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----", 0},
  {"aws_access_key", "f1", "AKIAIOSFODNN7EXAMPLE", 1},
  {"aws_access_key", "f1", "AKIA1234", 0},
  {"aws_access_key", "f1", "ASIAY34FZKBOKMUTVV7A", 1},
  {"jwt", "token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", 1},
  {"jwt", "f1", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", 1},
  {"jwt", "f1", "eyJhbGciOiJIUzI1NiJ9", 0},
  {"password_hash", "f1", "$2b$12$KIXQJHkKk8o4e5y7Q9JqOe8n7bT0a7x0WQ6lP1b9r1m3q5s7u9w1y", 1},
  {"password_hash", "f1", "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", 1},
  {"password_hash", "f1", "$5 off today", 0},
  /* a hash-named field holds content hashes, but a secret announces itself */
  {"password_hash", "content_hash", "$2b$12$KIXQJHkKk8o4e5y7Q9JqOe8n7bT0a7x0WQ6lP1b9r1m3q5s7u9w1y", 1},
  {"password_hash", "content_hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 0},
  {"password", "password", "hunter2", 1},
  {"password", "pwd", "********", 0},
  {"password", "f1", "hunter2", 0},
  /* names, demographics, addresses */
  {"person_name", "f1", "James Smith", 1},
  {"person_name", "xm", "王小明", 1},
  {"person_name", "name", "Emily", 1},
  {"person_name", "f1", "Emily", 0},
  {"person_name", "product_name", "Ceramic Coffee Mug", 0},
  {"person_name", "f1", "Ceramic Coffee Mug", 0},
  /* one value alone: two words with a common name; never a street, a
   * town with a place word, a firm, a colour in CamelCase */
  {"person_name", "f1", "Úrsula Núñez", 1},
  {"person_name", "f1", "Dr. Giovanni Rossi MBA", 1},
  {"person_name", "f1", "van der Berg Jansen", 1},
  {"person_name", "f1", "Willis Avenue", 0},
  {"person_name", "f1", "Port Jennifer", 0},
  {"person_name", "f1", "Smith Holdings", 0},
  {"person_name", "f1", "Schmidt GmbH", 0},
  /* the person words' table (value_person.c): titles alone and joined,
   * degrees, a make alone and with a given name */
  {"person_name", "f1", "Univ.Prof. Anna Huber", 1},
  {"person_name", "f1", "Dipl.-Ing. Paul Weber", 1},
  {"person_name", "f1", "Mrs. Sarah Connor PhD", 1},
  {"person_name", "f1", "Henry Ford", 1},
  {"person_name", "f1", "Ford", 0},
  {"person_name", "f1", "Lake Walker", 0},
  {"person_name", "f1", "DarkSeaGreen", 0},
  {"person_name", "name", "DarkSeaGreen", 1},
  {"person_name", "f1", "王小明", 1},
  {"person_name", "f1", "木村 陽一", 1},
  {"person_name", "f1", "王", 0},
  {"person_name", "f1", "정상", 0},
  {"address", "f1", "Via Desio, 8 Appartamento 7, 42030, Viano (RE)", 1},
  {"address", "f1", "Tulpstraat 14, 3511 AB, Utrecht", 1},
  {"address", "f1", "Flat 3, Acacia Park, Leeds, LS1 4AP", 1},
  {"address", "f1", "大阪市 12-3-4, 北区", 1},
  {"address", "f1", "12 rue de la Paix, 75002 Paris", 1},
  {"address", "f1", "大阪府大阪市北区梅田1丁目", 1},
  {"address", "f1", "Call me at 555 1234 about the view", 0},
  {"date_of_birth", "dob", "1987-04-12", 1},
  {"date_of_birth", "csrq", "19870412", 1},
  {"date_of_birth", "age", "34", 1},
  {"date_of_birth", "created_at", "1987-04-12", 0},
  {"date_of_birth", "age", "300", 0},
  {"gender", "f1", "female", 1},
  {"gender", "gender", "https://schema.org/Female", 1},
  {"gender", "f1", "https://schema.org/Female", 0},
  {"gender", "gender", "https://example.org/people/42", 0},
  {"phone_national", "calling_number", "34643615843", 1},
  {"phone_national", "cdr_id", "34643615843", 0},
  {"gender", "xb", "男", 1},
  {"gender", "sex", "F", 1},
  /* a lone letter is a candidate only (validated 0): collection_finish.c
   * wants the whole column of M/F letters before it reports a sex */
  {"gender", "f1", "F", 1},
  {"gender", "geschlecht", "weiblich", 1},
  {"gender", "f1", "남성", 1},
  {"gender", "f1", "X", 0},
  /* FHIR's other and unknown, HL7's O and U, divers: beside male and
   * female in a field named for the sex, nowhere else */
  {"gender", "gender", "other", 1},
  {"gender", "sex", "Unknown", 1},
  {"gender", "geschlecht", "divers", 1},
  {"gender", "sex", "X", 1},
  {"gender", "status", "other", 0},
  {"gender", "f1", "unknown", 0},
  {"gender", "gender", "others", 0},
  {"gender", "f1", "MF", 0},
  {"gender", "f1", "Male Model", 0},
  /* a salutation gives the sex; a title of rank or office does not, and
   * "Ms", "Sr", "Miss" only in a salutation field (a unit, Senior, a
   * cache miss) */
  {"gender", "anrede", "Herr", 1},
  {"gender", "Civilité", "M.", 1},
  {"gender", "f1", "Mme", 1},
  {"gender", "f1", "Sra.", 1},
  {"gender", "f1", "sig.ra", 1},
  {"gender", "f1", "Mevr.", 1},
  {"gender", "f1", "女士", 1},
  {"gender", "title", "Mrs", 1},
  {"gender", "salutation", "Ms", 1},
  {"gender", "f1", "ms", 0},
  {"gender", "f1", "Sr", 0},
  {"gender", "result", "miss", 0},
  {"gender", "title", "Dr.", 0},
  {"gender", "salutation", "Prof.", 0},
  /* the state, province or UF of an address is part of it; a state
   * elsewhere is no place */
  {"address", "address.state", "CA", 1},
  {"address", "endereco.uf", "SP", 1},
  {"address", "adresse.bundesland", "NRW", 1},
  {"address", "job.state", "OK", 0},
  {"address", "address.state", "ok", 0},
  {"address", "f1", "12 Baker Street, London", 1},
  {"address", "f1", "北京市朝阳区建国路88号", 1},
  {"address", "address", "Flat 3, Rose Court", 1},
  {"address", "f1", "Rose Court", 0},
  {"imsi", "cell_id", "214-07-4862-20834", 0},
  {"imsi", "f1", "214074862208347", 1},
  {"address", "收货地址.省份", "广东省", 1},
  {"address", "Ort", "Guben", 1},
  {"address", "endereco.bairro", "Jardim América", 1},
  {"address", "Geburtsort", "Guben", 0},
  {"person_name", "endereco.logradouro", "Rua Maria Fernandes", 0},
  {"person_name", "f1", "Maria Fernandes", 1},
  /* a leaf that names nothing holds what its object is named for */
  {"passport", "passengers[].passport.number", "533380006", 1},
  {"passport", "passengers[].ticket.number", "533380006", 0},
  {"nationality", "nationality.name", "Spain", 1},
  {"nationality", "worksFor.name", "Spain", 0},
  {"health", "diagnosis.coding[].display", "Type 2 diabetes mellitus without complications", 1},
  {"health", "condition.text", "Low back pain", 1},
  {"health", "Krankheit.Bezeichnung", "Asthma bronchiale", 1},
  {"health", "diagnosis.patient.name", "Stewart Harding", 0},
  {"health", "items[].description", "Low back pain relief patch", 0},
  {"health", "product.display", "Hypertension monitor", 0},
  /* a postcode under a name that says so, not under any other */
  {"address", "PLZ", "91604", 1},
  {"address", "Code postal", "75002", 1},
  {"address", "cep", "01310-100", 1},
  {"address", "郵便番号", "709-8337", 1},
  {"address", "address.postalCode", "02139", 1},
  {"address", "f1", "91604", 0},
  {"address", "order_no", "91604", 0},
  {"address", "zip", "+49 91604", 0},
  {"address", "zip", "1234567890123", 0},
  {"address", "f1", "hello world", 0},
  {"nationality", "nationality", "Chinese", 1},
  {"nationality", "f1", "Chinese", 0},
  {"nationality", "nationality", "12", 0},
  /* other national ids */
  {"fr_nir", "f1", "255081416802538", 1},
  {"fr_nir", "f1", "255081416802539", 0},
  {"fr_nir", "nir", "2 55 08 14 168 025 38", 1},
  {"it_codice_fiscale", "f1", "RSSMRA85T10A562S", 1},
  {"it_codice_fiscale", "f1", "RSSMRA85T10A562T", 0},
  {"it_codice_fiscale", "codice_fiscale", "MRTMTT91D08F205J", 1},
  {"br_cpf", "f1", "390.533.447-05", 1},
  {"br_cpf", "f1", "39053344705", 1},
  {"br_cpf", "f1", "39053344706", 0},
  {"kr_rrn", "f1", "971013-9019902", 1},
  {"kr_rrn", "f1", "971013-9019903", 0},
  {"kr_rrn", "rrn", "9710139019902", 1},
  {"jp_my_number", "my_number", "123456789018", 1},
  {"jp_my_number", "my_number", "123456789019", 0},
  {"jp_my_number", "f1", "123456789018", 0},
  {"de_steuer_id", "steuer_id", "86095742719", 1},
  {"de_steuer_id", "steuer_id", "86095742718", 0},
  {"de_steuer_id", "f1", "86095742719", 0},
  {"nl_bsn", "bsn", "111222333", 1},
  {"nl_bsn", "bsn", "111222334", 0},
  {"nl_bsn", "f1", "111222333", 0},
  /* more vectors (generated by tests/accuracy/synth.py, checked there) */
  {"fr_nir", "f1", "192040803908945", 1},
  {"fr_nir", "f1", "192040803908946", 0},
  {"fr_nir", "f1", "392040803908945", 0},
  {"it_codice_fiscale", "f1", "FKXCXX75M43G273S", 1},
  {"it_codice_fiscale", "f1", "FKXCXX75M43G273T", 0},
  {"it_codice_fiscale", "f1", "FKXCXX75M93G273S", 0},
  {"br_cpf", "f1", "605.985.840-64", 1},
  {"br_cpf", "f1", "111.111.111-11", 0},
  {"br_cpf", "cpf", "605.985.840-65", 0},
  {"kr_rrn", "f1", "680623-2875441", 1},
  {"kr_rrn", "f1", "681323-2875441", 0},
  {"kr_rrn", "f1", "680623-287544", 0},
  {"jp_my_number", "mynumber", "248866703754", 1},
  {"jp_my_number", "individual_number", "096383211473", 1},
  {"jp_my_number", "mynumber", "24886670375", 0},
  {"de_steuer_id", "steuer_id", "71524904363", 1},
  {"de_steuer_id", "steuerid", "98416730823", 1},
  {"de_steuer_id", "steuer_id", "11111111111", 0},
  {"nl_bsn", "bsn", "375361145", 1},
  {"nl_bsn", "burgerservicenummer", "792180720", 1},
  {"nl_bsn", "bsn", "000000000", 0},
  {"in_pan", "pan_no", "ACUPA7085R", 1},
  {"in_pan", "f1", "AAPPV8261K", 1},
  {"in_pan", "pan_number", "aappv8261k", 1},
  {"in_pan", "pan_no", "ABMXA3211G", 0}, /* holder type X */
  {"in_pan", "pan_no", "AAPPV0000K", 0},
  {"in_pan", "code", "AAPPV82610", 0},
  {"gb_nhs", "nhs_number", "9434765870", 1},
  {"gb_nhs", "nhs_no", "943 476 5870", 1},
  {"gb_nhs", "nhs", "3982597919", 1},
  {"gb_nhs", "nhs_number", "9434765871", 0},
  {"gb_nhs", "f1", "9434765870", 0}, /* 1 in 11 random numbers pass */
  {"gb_nhs", "order_id", "3982597919", 0},
  {"us_itin", "itin", "912903456", 1},
  {"us_itin", "f1", "912-90-3456", 1},
  {"us_itin", "tax_id", "950881234", 1},
  {"us_itin", "f1", "912903456", 0},
  {"us_itin", "itin", "912-93-4567", 0}, /* group 93 */
  {"us_itin", "itin", "812-90-3456", 0},
  {"fr_nif", "numero_fiscal", "3023217600053", 1},
  {"fr_nif", "nif", "30 23 217 600 053", 1},
  {"fr_nif", "numero_fiscal", "0123456789211", 1},
  {"fr_nif", "numero_fiscal", "3023217600054", 0},
  {"fr_nif", "f1", "3023217600053", 0},
  {"fr_nif", "nif", "4023217600053", 0},
  {"passport", "passport", "K98765432", 1},
  {"passport", "passport", "N/A", 0},
  {"passport", "passport_number", "AB", 0},
  {"phone_e164", "f1", "+442031132723", 1},
  {"phone_e164", "f1", "+999 1234 5678", 0},
  {"cn_mobile", "f1", "17195789171", 1},
  {"cn_mobile", "f1", "171957891712", 0},
  {"phone_national", "mobile", "07946 095 812", 1},
  {"phone_national", "phone", "12", 0},
  {"phone_national", "phone", "N/A", 0},
  {"ipv4", "src_ip", "198.51.100.23", 1},
  {"ipv6", "ip", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", 1},
  {"ipv6", "f1", "1:2:3:4:5:6:7:8:9", 0},
  {"ipv6", "f1", ":::", 0},
  {"geo_point", "f1", "-33.868800,151.209300", 1},
  {"geo_point", "f1", "95.1234,10.1234", 0},
  {"geo_point", "f1", "abc,def", 0},
  {"lat_lon", "latitude", "-33.8688", 1},
  {"lat_lon", "lon", "151.2093", 1},
  {"lat_lon", "lat", "N/A", 0},
  {"geohash", "geohash", "u4pruydqqvj", 1},
  {"geohash", "gh", "ab", 0},
  {"geohash", "geohash", "s0", 1 - 1},
  {"geohash", "geo_hash", "wtw3sjq6q", 1},
  {"plate", "plate_no", "AB12 CDE", 1},
  {"plate", "plate", "N/A", 0},
  {"plate", "plate", "ABCDEFGHIJKLMN", 0},
  {"face_attributes", "face.mask", "false", 1},
  {"face_attributes", "mask", "255.255.255.0", 0},
  {"face_attributes", "beard_color", "lorem ipsum dolor sit amet consectetur", 0},
  {"face_image", "photo", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", 1},
  {"face_image", "face_crop", "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/", 1},
  {"face_image", "photo", "https://example.com/a.jpg", 0},
  {"religion", "f1", "hello", 0},
  {"religion", "religion", "42", 0},
  {"political", "f1", "hello", 0},
  {"political", "party", "12", 0},
  {"health", "f1", "hello", 0},
  {"private_key", "key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----", 1},
  {"private_key", "f1", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oDlnwnf0Xxa1\n-----END EC PRIVATE KEY-----", 1},
  {"private_key", "f1", "BEGIN PRIVATE KEY without dashes 123", 0},
  {"private_key", "f1", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", 0},
  {"aws_access_key", "f1", "AKIAIOSFODNN7EXAMPL1", 0},
  {"aws_access_key", "key", "AROAJQABLZS4A3QDU576Q", 0},
  {"aws_access_key", "f1", "AIDAJQABLZS4A3QDU576", 1},
  {"jwt", "f1", "eyJ.eyJ.x", 0},
  {"jwt", "f1", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhIn0.c2lnbmF0dXJlc2lnbmF0dXJl", 1},
  {"jwt", "f1", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx fake", 0},
  {"password_hash", "f1", "$6$rounds=5000$saltsalt$Zr9pX3GQ7VZ6Xq3d9m3sE2fLk8T1cHn0", 1},
  {"password_hash", "f1", "$2b$12$short", 0},
  {"password", "secret", "s3cr3t-Passw0rd!", 1},
  {"password", "api_key", "sk_live_51H8xR2", 1},
  {"password", "password", "", 0},
  {"date_of_birth", "birthday", "12/04/1987", 1},
  {"gender", "f1", "hello", 0},
  {"gender", "gender", "42", 0},
  {"nationality", "nationality", "French", 1},
  {"nationality", "citizenship", "Japanese", 1},
  {"person_name", "full_name", "12345", 0},
  {"lat_lon", "lat", "hello", 0},
  {"password_hash", "f1", "$argon2", 0},
  {"date_of_birth", "dob", "hello", 0},
  {"nationality", "nationality", "", 0},
  {"address", "address", "N/A", 0},
  {"address", "home_address", "221B Baker Street", 1},
  {"ipv4", "f1", "01.2.3.4", 0},
  {"vin", "f1", "1HGCM82633A00435", 0},
  {"advertising_id", "idfa", "not-a-uuid", 0},
  {"cn_plate", "plate", "粤B12345", 1},
  {"iban", "bank_account", "NL91ABNA0417164300", 1},
  {"ethnicity", "race", "Hispanic", 1},
  /* candidates in fields named for nothing; the field decides
   * (collection_finish.c) */
  {"icd10", "f1", "E11.9", 1},
  {"icd10", "c_07", "F32", 1},
  {"icd10", "col3", "S72.001A", 1},
  {"icd10", "f1", "U12.1", 0},       /* U: only U07 and U09 are in use */
  {"icd10", "f1", "SKU-00123", 0},
  {"icd10", "f1", "E1.9", 0},
  {"icd10", "sku", "E11.9", 0},      /* a name that says something else */
  {"hex_digest", "f1", "5f4dcc3b5aa765d61d8327deb882cf99", 1},
  {"hex_digest", "c_02", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", 1},
  {"hex_digest", "f2", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1},
  {"hex_digest", "f1", "5f4dcc3b5aa765d61d8327deb882cf9", 0},   /* 31 */
  {"hex_digest", "f1", "5f4dcc3b5AA765d61d8327deb882cf99", 0},  /* mixed case */
  {"hex_digest", "f1", "5f4dcc3b5aa765d61d8327deb882cfzz", 0},
  {"hex_digest", "content_hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 0},
  {"nationality", "f1", "Deutschland", 1},
  {"nationality", "f1", "카자흐스탄", 1},
  {"nationality", "f1", "KAZ", 1},
  {"nationality", "f1", "kaz", 0},
  {"nationality", "country", "Deutschland", 0}, /* an address part */
  {"gender", "f1", "V", 1},
  {"cn_plate", "f1", "皖Q-00197", 1},   /* a dash after the issuing office */
  {"cn_plate", "f1", "皖Q--00197", 0},
  {"card", "f1", "180007472492443", 1}, /* JCB, 15 digits */
  {"card", "f1", "180007472492444", 0},
  {"blood_group", "f1", "AB+", 1},
  {"blood_group", "c_03", "0 Rh-", 1},
  {"blood_group", "f1", "O neg", 1},
  {"blood_group", "f1", "A\xE5\x9E\x8B", 1},                 /* A型 */
  {"blood_group", "f1", "O\xE5\x9E\x8BRH\xE9\x98\xB3\xE6\x80\xA7", 1}, /* O型RH阳性 */
  {"blood_group", "f1", "A", 0},
  {"blood_group", "f1", "C+", 0},
  {"blood_group", "f1", "AB+C", 0},
  {"blood_group", "phone", "A+", 0},
  /* free text: a national number announced as a phone in a contact block */
  {"phone_national", "note", "Tel. 0909501870, Mail someone@example.com. Bitte zurueckrufen.", 1},
  {"phone_national", "f3", "Telefon: 030 1234-5678 oder Handy 0171/2345678, Mail a@example.de", 1},
  {"phone_national", "f3", "\xE7\x94\xB5\xE8\xAF\x9D" "010-12345678 \xE9\x82\xAE\xE7\xAE\xB1 wang@example.cn \xE5\xB7\xA5\xE4\xBD\x9C\xE6\x97\xB6\xE9\x97\xB4", 1},
  {"phone_national", "note", "the cell 12 has 3 items, the tel 5 is fine; mobile app 2.1, see a@example.com", 0},
  {"phone_national", "note", "iPhone 1234567890 sold to a@example.com on Monday, all good here", 0},
  {"phone_national", "note", "Tel. 0909501870 and nothing else that says contact in this long text", 0},
};

struct seen {
  const char *want;
  int hit;
};

static int on_match(const struct ajar_match *m, void *p) {
  struct seen *s = p;
  if (!strcmp(ajar_detector_get(m->detector)->name, s->want))
    s->hit = 1;
  return 0;
}

/* whether the 12 JSON records in recs make a finding of category cat at
 * field path */
static int finding_at(struct ajar_db *db, struct ajar_scratch *s,
                      char recs[12][256], const char *path, int cat) {
  struct ajar_collection *c = NULL;
  struct ajar_target_result t;
  int i, found = 0;
  size_t k;
  memset(&t, 0, sizeof t);
  if (ajar_collection_new(db, "t", NULL, &c))
    return -1;
  for (i = 0; i < 12; i++)
    ajar_collection_add_json(c, s, recs[i], strlen(recs[i]));
  if (ajar_collection_finish_target(c, "t", NULL, &t) == 0 && t.n_collections)
    for (k = 0; k < t.collections[0].n_findings; k++)
      if ((int)t.collections[0].findings[k].category == cat &&
          !strcmp(t.collections[0].findings[k].field, path))
        found = 1;
  ajar_target_result_clear(&t);
  ajar_collection_free(c);
  return found;
}

/* the detector of the national-id finding at `key` in 12 records whose
 * field `key` holds the four values in turn ("" when none) */
static const char *national_id_by(struct ajar_db *db, struct ajar_scratch *s,
                                  const char *key, const char *const v[4]) {
  static char det[32];
  struct ajar_collection *c = NULL;
  struct ajar_target_result t;
  char rec[128];
  size_t k;
  int i, n;
  det[0] = 0;
  memset(&t, 0, sizeof t);
  if (ajar_collection_new(db, "t", NULL, &c))
    return det;
  for (i = 0; i < 12; i++) {
    n = snprintf(rec, sizeof rec, "{\"%s\":\"%s\"}", key, v[i % 4]);
    ajar_collection_add_json(c, s, rec, (size_t)n);
  }
  if (ajar_collection_finish_target(c, "t", NULL, &t) == 0 && t.n_collections)
    for (k = 0; k < t.collections[0].n_findings; k++)
      if (t.collections[0].findings[k].category == AJAR_CAT_NATIONAL_ID)
        snprintf(det, sizeof det, "%s", t.collections[0].findings[k].detector);
  ajar_target_result_clear(&t);
  ajar_collection_free(c);
  return det;
}

/* nine digits under an id's name: BSNs when the 11-proof holds for every
 * one (these four pass the SSN's area rules too), SSNs when it does not */
static void test_nine_digit_ids(struct ajar_db *db, struct ajar_scratch *s) {
  static const char *const bsn[] = {"843646974", "751049049", "432017185", "567851369"};
  static const char *const ssn[] = {"455397179", "189438606", "689283838", "389923525"};
  CHECK(!strcmp(national_id_by(db, s, "bsn", bsn), "nl_bsn"));
  CHECK(!strcmp(national_id_by(db, s, "national_id", bsn), "nl_bsn"));
  CHECK(!strcmp(national_id_by(db, s, "ssn", ssn), "us_ssn"));
  CHECK(!strcmp(national_id_by(db, s, "national_id", ssn), "us_ssn"));
}

/* whether 12 records whose field `key` holds the three values in turn
 * make a name finding there */
static int column_is_name(struct ajar_db *db, struct ajar_scratch *s,
                          const char *key, const char *const v[3]) {
  char recs[12][256];
  int i;
  for (i = 0; i < 12; i++)
    snprintf(recs[i], sizeof recs[i], "{\"klas\":\"3A\",\"%s\":\"%s\"}", key, v[i % 3]);
  return finding_at(db, s, recs, key, AJAR_CAT_NAME);
}

/* a role (mentor, teacher) holding a few names that no vocabulary knows,
 * each with a family name's particle inside: names; under a field named
 * for nothing the particle says nothing ("Rio de Janeiro"); a member tier
 * is no one */
static void test_role_columns(struct ajar_db *db, struct ajar_scratch *s) {
  static const char *const names[] = {"Mare van Ginneke", "Jesper le Gulcher", "Merle van de Wiel"};
  static const char *const tiers[] = {"Gold Plus", "Silver Plus", "Home Garden"};
  CHECK(column_is_name(db, s, "mentor", names) == 1);
  CHECK(column_is_name(db, s, "teacher", names) == 1);
  CHECK(column_is_name(db, s, "f3", names) == 0);
  CHECK(column_is_name(db, s, "member", tiers) == 0);
  CHECK(column_is_name(db, s, "parent", tiers) == 0);
}

/* whether 12 records {"c1": given name, "c2": v, "c3": n} make a name
 * finding at c2 (with no name beside it when !given) */
static int second_column_is_name(struct ajar_db *db, struct ajar_scratch *s,
                                 const char *const v[12], int given) {
  static const char *const first[] = {"Anna", "Marco", "Giulia", "Luca", "Sofia", "Matteo",
                                      "Laura", "Paolo", "Elena", "Stefan", "Julia", "Thomas"};
  char recs[12][256];
  int i;
  for (i = 0; i < 12; i++)
    snprintf(recs[i], sizeof recs[i], "{\"c1\":\"%s\",\"c2\":\"%s\",\"c3\":%d}",
             given ? first[i] : "Gold", v[i], 40 + i * 7);
  return finding_at(db, s, recs, "c2", AJAR_CAT_NAME);
}

/* family names apart from given names, under names that say nothing:
 * three in twelve known suffice beside a column of given names, not
 * alone; towns and trades beside given names are no one's name */
static void test_split_names(struct ajar_db *db, struct ajar_scratch *s) {
  static const char *const family[] = {"Brambilla", "Zanchetta", "Lovisolo", "Cavallini",
                                       "Rossi", "Ghidoni", "Tarantino", "Bianchi",
                                       "Mazzacurati", "Russo", "Pellizzari", "Quaranta"};
  static const char *const towns[] = {"Berlin", "Hamburg", "Dortmund", "Leipzig", "Bremen",
                                      "Dresden", "Hannover", "Bochum", "Ferrara", "Messina",
                                      "Wuppertal", "Bielefeld"};
  static const char *const trades[] = {"Engineer", "Accountant", "Nurse", "Teacher", "Baker",
                                       "Manager", "Developer", "Analyst", "Consultant",
                                       "Architect", "Pharmacist", "Surveyor"};
  CHECK(second_column_is_name(db, s, family, 1) == 1);
  CHECK(second_column_is_name(db, s, family, 0) == 0);
  CHECK(second_column_is_name(db, s, towns, 1) == 0);
  CHECK(second_column_is_name(db, s, trades, 1) == 0);
}

/* whether 12 records {"code": {"coding": [{"code": C, "<leaf>": D}]}}
 * with C and D from codes[] and texts[] in turn make a health finding at
 * code.coding[].<leaf> */
static int display_is_health(struct ajar_db *db, struct ajar_scratch *s,
                             const char *leaf, const char *const codes[3],
                             const char *const texts[3]) {
  char recs[12][256], path[64];
  int i;
  snprintf(path, sizeof path, "code.coding[].%s", leaf);
  for (i = 0; i < 12; i++)
    snprintf(recs[i], sizeof recs[i],
             "{\"code\":{\"coding\":[{\"code\":\"%s\",\"%s\":\"%s\"}]}}",
             codes[i % 3], leaf, texts[i % 3]);
  return finding_at(db, s, recs, path, AJAR_CAT_HEALTH);
}

/* the text beside a diagnosis code is the diagnosis; beside a product's
 * or a shelf's code it is not */
static void test_code_text(struct ajar_db *db, struct ajar_scratch *s) {
  static const char *const icd[] = {"E11.9", "I10", "J45.909"};
  static const char *const sku[] = {"SKU-1041", "SKU-2203", "SKU-3310"};
  static const char *const shelf[] = {"A12", "B07", "C33"};
  static const char *const dx[] = {"Type 2 diabetes mellitus", "Essential hypertension",
                                   "Unspecified asthma"};
  static const char *const items[] = {"Garden hose 20 m", "Kitchen scale", "Desk lamp"};
  CHECK(display_is_health(db, s, "display", icd, dx) == 1);
  CHECK(display_is_health(db, s, "description", icd, dx) == 1);
  CHECK(display_is_health(db, s, "display", sku, items) == 0);
  CHECK(display_is_health(db, s, "display", shelf, items) == 0);
  CHECK(display_is_health(db, s, "comment", icd, dx) == 0);
}

/* profiles of 12 records whose camera field holds `place` (JSON, quotes
 * included), with a time and either a guest's name and phone (a register)
 * or face attributes and a MAC (a capture): through an export and import
 * when `relay` (the Spark job's path) */
static uint32_t place_profiles(struct ajar_db *db, struct ajar_scratch *s,
                               const char *place, int capture, int relay) {
  struct ajar_collection *c = NULL, *d = NULL;
  struct ajar_target_result t;
  static const char *const names[] = {"Anna Rossi", "Marco Bianchi", "Giulia Ricci"};
  uint32_t profiles = UINT32_MAX;
  char rec[256], buf[8192];
  size_t len = 0;
  int i, n;
  memset(&t, 0, sizeof t);
  if (ajar_collection_new(db, "t", NULL, &c) || ajar_collection_new(db, "t", NULL, &d))
    goto out;
  for (i = 0; i < 12; i++) {
    if (capture)
      n = snprintf(rec, sizeof rec,
                   "{\"glasses\":%s,\"mask\":false,\"mac\":\"3c:22:fb:%02x:10:4e\","
                   "\"time\":\"2025-10-%02dT22:22:00Z\",\"camera\":%s}",
                   i % 2 ? "true" : "false", i, 10 + i, place);
    else
      n = snprintf(rec, sizeof rec,
                   "{\"name\":\"%s\",\"phone\":\"+39347123%04d\","
                   "\"time\":\"2025-10-%02dT22:22:00Z\",\"camera\":%s}",
                   names[i % 3], 4410 + i * 7, 10 + i, place);
    ajar_collection_add_json(c, s, rec, (size_t)n);
  }
  if (relay && (ajar_collection_export(c, buf, sizeof buf, &len) ||
                ajar_collection_import(d, buf, len)))
    goto out;
  if (ajar_collection_finish_target(relay ? d : c, "t", NULL, &t) == 0 && t.n_collections)
    profiles = t.collections[0].profiles;
out:
  ajar_target_result_clear(&t);
  ajar_collection_free(c);
  ajar_collection_free(d);
  return profiles;
}

/* a camera field makes a place when a value can name a site or a device,
 * or beside what a sensor captures (a face, a MAC); a column of room or
 * ward numbers among guests' names and phones does not */
static void test_place_values(struct ajar_db *db, struct ajar_scratch *s) {
  const uint32_t all = AJAR_PROFILE_TRACKING | AJAR_PROFILE_DEVICE_CAPTURE |
                       AJAR_PROFILE_FACIAL_RECOGNITION;
  int relay;
  for (relay = 0; relay < 2; relay++) {
    CHECK(place_profiles(db, s, "\"CAM-0042\"", 0, relay) & AJAR_PROFILE_TRACKING);
    CHECK(place_profiles(db, s, "\"\xe4\xb8\x9c\xe9\x97\xa8\"", 0, relay) & AJAR_PROFILE_TRACKING);
    CHECK(place_profiles(db, s, "\"Gate\"", 0, relay) & AJAR_PROFILE_TRACKING);
    CHECK(place_profiles(db, s, "31010850132098465499", 0, relay) & AJAR_PROFILE_TRACKING);
    CHECK(!(place_profiles(db, s, "\"437\"", 0, relay) & AJAR_PROFILE_TRACKING));
    CHECK(!(place_profiles(db, s, "437", 0, relay) & AJAR_PROFILE_TRACKING));
    CHECK(!(place_profiles(db, s, "\"B-27\"", 0, relay) & AJAR_PROFILE_TRACKING));
    CHECK((place_profiles(db, s, "\"P-3\"", 1, relay) & all) == all);
    CHECK((place_profiles(db, s, "7", 1, relay) & all) == all);
  }
}

void test_detectors(void) {
  struct ajar_db *db = NULL;
  struct ajar_scratch *s = NULL;
  char err[256];
  size_t i, d;
  int per_pos[64] = {0}, per_neg[64] = {0};
  CHECK(ajar_db_compile(&db, err, sizeof err) == 0);
  CHECK(ajar_scratch_alloc(db, &s) == 0);
  if (!db || !s)
    return;
  for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    struct seen sn = {rows[i].detector, 0};
    ajar_classify_value(db, s, rows[i].field, strlen(rows[i].field),
                        rows[i].value, strlen(rows[i].value), on_match, &sn);
    CHECKF(sn.hit == rows[i].expect, "%s in %s = '%s': want %s",
           rows[i].detector, rows[i].field, rows[i].value,
           rows[i].expect ? "match" : "no match");
    for (d = 0; d < ajar_detector_count(); d++)
      if (!strcmp(ajar_detector_get(d)->name, rows[i].detector))
        (rows[i].expect ? per_pos : per_neg)[d]++;
  }
  /* every detector reachable through one value has a table of its own */
  for (d = 0; d < ajar_detector_count(); d++) {
    const char *n = ajar_detector_get(d)->name;
    if (!strcmp(n, "face_embedding")) /* arrays: see test_collection */
      continue;
    if (!strcmp(n, "code_text")) /* a column's: see test_code_text */
      continue;
    CHECKF(per_pos[d] >= 3 && per_neg[d] >= 3, "detector %s: %d positives, %d negatives",
           n, per_pos[d], per_neg[d]);
  }
  CHECK(ajar_classify_value(NULL, s, "f", 1, "x", 1, on_match, NULL) == AJAR_EINVAL);
  test_role_columns(db, s);
  test_code_text(db, s);
  test_place_values(db, s);
  test_nine_digit_ids(db, s);
  test_split_names(db, s);
  ajar_scratch_free(s);
  ajar_db_free(db);
}
