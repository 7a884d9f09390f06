/* Unit tests for src/lib/classify/lexicon.c */
#include <string.h>

#include "countries_data.h"
#include "lexicon.h"
#include "lexicon_data.h"
#include "unit.h"

#define NAME  AJAR_H_NAME
#define NID   AJAR_H_NATIONAL_ID
#define PP    AJAR_H_PASSPORT
#define DEM   AJAR_H_DEMOGRAPHIC
#define GEN   (AJAR_H_GENDER | AJAR_H_DEMOGRAPHIC)
#define AGE   (AJAR_H_AGE_DOB | AJAR_H_DEMOGRAPHIC)
#define EM    AJAR_H_EMAIL
#define PH    AJAR_H_PHONE
#define AD    AJAR_H_ADDRESS
#define IMEI  AJAR_H_IMEI
#define IMSI  AJAR_H_IMSI
#define MAC   AJAR_H_MAC
#define IP    AJAR_H_IP
#define ADV   AJAR_H_ADVERTISING
#define LOC   AJAR_H_LOCATION
#define PL    AJAR_H_PLATE
#define VIN   AJAR_H_VIN
#define CARD  AJAR_H_CARD
#define IBAN  AJAR_H_IBAN
#define FACE  AJAR_H_FACE
#define FATTR AJAR_H_FACE_ATTR
#define EMB   AJAR_H_EMBEDDING
#define PHO   AJAR_H_PHOTO
#define ETH   AJAR_H_ETHNICITY
#define REL   AJAR_H_RELIGION
#define POL   AJAR_H_POLITICAL
#define HEA   AJAR_H_HEALTH
#define SEC   AJAR_H_SECRET
#define TIME  AJAR_H_TIME
#define PLA   AJAR_H_PLACE
#define NEG   AJAR_H_NEGATIVE
#define PER   AJAR_H_PERSON
#define ALL   0xFFFFFFFFu
/* bits that would make a name look personal */
#define PII   (ALL & ~(TIME | PLA | NEG))

/* has: every bit must be set; lacks: none of these bits may be set */
struct field_case { const char *name; uint32_t has, lacks; };

/* clang-format off: hand-aligned tables */
static const struct field_case field_cases[] = {
  /* case styles fold to the same key */
  {"idCardNo", NID, NAME | CARD},   {"id_card_no", NID, NAME | CARD},
  {"id-card-no", NID, CARD},        {"IDCardNo", NID, CARD},
  {"ID_CARD_NO", NID, CARD},        {"idcard", NID, CARD},
  {"id card no", NID, CARD},        {"customer_id_card_number", NID, CARD},
  {"firstName", NAME, 0},           {"first_name", NAME, 0},
  {"LastName", NAME, 0},            {"full-name", NAME, 0},
  {"name", NAME, 0},                {"patient_name", NAME, 0},
  {"display_name", NAME, 0},        {"names", NAME, 0},
  {"emailAddress", EM, AD},         {"e_mail", EM, 0},
  {"phoneNumber", PH, 0},           {"mobile", PH, 0},
  {"homeAddress", AD, IP},          {"address2", AD, 0},
  {"addresses", AD, 0},             {"zip", AD, 0},
  {"street_name", AD, NAME},        {"city_name", AD, NAME},
  {"date_of_birth", AGE, TIME},     {"dob", AGE, 0},
  {"gender", GEN, 0},               {"age", AGE, 0},
  {"nationality", DEM, 0},          {"ssn", NID, 0},
  {"passport_no", PP, 0},           {"imei", IMEI, 0},
  {"imei2", IMEI, 0},               {"imsi", IMSI, 0},
  {"macAddress", MAC, AD},          {"mac", MAC, 0},
  {"ip", IP, 0},                    {"client_ip", IP, 0},
  {"srcIP", IP, 0},                 {"remote_addr", IP, AD},
  {"clientAddress", IP, AD},        {"client_ip_address", IP, AD},
  {"ipv4Address", IP, AD},          {"x-forwarded-for", IP, 0},
  {"IPs", IP, 0},                   {"idfa", ADV, 0},
  {"device_id", ADV, 0},            {"lat", LOC, 0},
  {"lng", LOC, 0},                  {"latitude", LOC, 0},
  {"geohash", LOC, 0},              {"license_plate", PL, 0},
  {"vin", VIN, 0},                  {"card_number", CARD, NID},
  {"creditCardNumber", CARD, 0},    {"iban", IBAN, 0},
  {"face_image", PHO | FACE, 0},    {"beard", FATTR, 0},
  {"sunglasses", FATTR, 0},         {"age_estimate", FATTR | AGE, 0},
  {"face_embedding", EMB | FACE, 0}, {"features", EMB, 0},
  {"ethnicity", ETH, 0},            {"religion", REL, 0},
  {"political_party", POL, 0},      {"diagnosis", HEA, 0},
  {"icd10", HEA, 0},                {"icd10_code", HEA, 0},
  {"password", SEC, 0},             {"password_hash", SEC, NEG},
  {"pwd_hash", SEC, NEG},           {"passwd", SEC, 0},
  {"db_pass", SEC, 0},              {"api_key", SEC, 0},
  {"access_token", SEC, 0},         {"created_at", TIME, PII},
  {"@timestamp", TIME, PII},        {"published_at", TIME, PII},
  {"pass_time", TIME, SEC},         {"passTime", TIME, SEC},
  {"camera_name", PLA, NAME},       {"checkpoint_name", PLA, NAME},
  {"camera_id", PLA, PII},

  /* pinyin initials */
  {"sfzh", NID, 0},    {"SFZH", NID, 0},    {"sfZh", NID, 0},
  {"ry_sfzh", NID, 0}, {"xm", NAME, 0},     {"jsr_xm", NAME, 0},
  {"xb", GEN, 0},      {"mz", ETH, 0},      {"csrq", AGE, 0},
  {"lxdh", PH, 0},     {"cph", PL, 0},      {"hphm", PL, 0},
  {"zjhm", NID, 0},    {"gmsfhm", NID, 0},  {"kkmc", PLA, PII},
  {"tgsj", TIME, PII}, {"zzmm", POL, 0},    {"zjxy", REL, 0},
  {"clsbdh", VIN, 0},  {"rlzp", PHO | FACE, 0}, {"tzz", EMB | FACE, 0},
  {"jd", LOC, 0},      {"wd", LOC, 0},      {"mm", SEC, 0},
  {"yhkh", CARD, 0},   {"hjdz", AD, 0},
  /* pinyin never from pieces of a word or where it is ambiguous */
  {"date_mm", TIME, SEC},    {"mm_value", 0, SEC},   {"x_m", 0, NAME},
  {"jsrxm", 0, NAME},        {"cwd", 0, LOC},         {"sfzhx", 0, NID},

  /* Chinese */
  {"身份证号", NID, 0},      {"姓名", NAME, 0},        {"民族", ETH, 0},
  {"抓拍时间", TIME, PII},   {"性别", GEN, 0},         {"出生日期", AGE, 0},
  {"手机号码", PH, 0},       {"户籍地址", AD, 0},      {"车牌号", PL, 0},
  {"宗教信仰", REL, 0},      {"政治面貌", POL, 0},     {"人脸特征", EMB | FACE, 0},
  {"经度", LOC, 0},          {"卡口", PLA, PII},       {"密码", SEC, 0},
  {"驾驶人身份证号码", NID, 0}, {"车主联系电话", PH, 0}, {"入库时间", TIME, PII},
  {"车主姓名", NAME, 0},     {"设备名称", 0, NAME},    {"IP地址", IP, AD},
  {"MAC地址", MAC, AD},      {"ry_身份证号", NID, 0},

  /* head noun plus qualifiers: a role makes the name a person's */
  {"buyer_name", NAME | PER, 0},     {"guestName", NAME | PER, 0},
  {"nome_utente", NAME | PER, 0},    {"recipientName", NAME | PER, 0},
  {"passenger.name", NAME | PER, 0}, {"emergency_contact_name", NAME | PER, 0},
  {"nome_file", 0, NAME},            {"nombre_de_archivo", 0, NAME},
  {"nom_du_fichier", 0, NAME},       {"nome_prodotto", 0, NAME},
  {"Dateiname", 0, NAME},            {"Produktname", 0, NAME},
  {"Firmenname", 0, NAME},           {"bestandsnaam", 0, NAME},
  {"dosya_adi", 0, NAME},            {"nama_file", 0, NAME},
  {"musteri_adi", NAME | PER, 0},    {"Kundenname", NAME | PER, 0},
  {"nom_client", NAME | PER, 0},     {"nombre_cliente", NAME | PER, 0},
  /* other languages, diacritics folded, compounds split */
  {"Geburtsdatum", AGE, TIME},       {"Staatsangehörigkeit", DEM, 0},
  {"Staatsangehoerigkeit", DEM, 0},  {"Straße", AD, 0},
  {"Reisepassnummer", PP, 0},        {"Telefonnummer", PH, 0},
  {"Fahrzeugkennzeichen", PL, 0},    {"Postleitzahl", AD, 0},
  {"kundenNachname", NAME | PER, 0}, {"Passwort", SEC, 0},
  {"date_de_naissance", AGE, TIME},  {"numéro_de_passeport", PP, 0},
  {"mot_de_passe", SEC, 0},          {"adresse_ip", IP, AD},
  {"fecha_de_nacimiento", AGE, TIME}, {"dirección", AD, 0},
  {"direccion_ip", IP, AD},          {"contraseña", SEC, 0},
  {"matrícula", PL, 0},              {"data_di_nascita", AGE, TIME},
  {"codice_fiscale", NID, 0},        {"targa", PL, 0},
  {"nazionalità", DEM, 0},           {"endereço", AD, 0},
  {"senha", SEC, 0},                 {"placa", PL, 0},
  {"geboortedatum", AGE, 0},         {"kenteken", PL, 0},
  {"wachtwoord", SEC, 0},            {"doğum_tarihi", AGE, TIME},
  {"şifre", SEC, 0},                 {"płeć", GEN, 0},
  {"hasło", SEC, 0},                 {"tanggal_lahir", AGE, TIME},
  {"jenis_kelamin", GEN, 0},         {"kata_sandi", SEC, 0},
  {"ngày_sinh", AGE, TIME},          {"giới_tính", GEN, 0},
  {"mật_khẩu", SEC, 0},              {"số_điện_thoại", PH, 0},
  {"дата_рождения", AGE, TIME},      {"ФИО", NAME | PER, 0},
  {"Пароль", SEC, 0},                {"الاسم", NAME, 0},
  {"تاريخ_الميلاد", AGE, TIME},      {"كلمة_المرور", SEC, 0},
  {"生年月日", AGE, 0},              {"お客様氏名", NAME, 0},
  {"パスワード", SEC, 0},            {"생년월일", AGE, 0},
  {"고객 이름", NAME, 0},            {"비밀번호", SEC, 0},
  {"\\u59d3\\u540d", NAME, 0},   {"\\u4eba\\u8138", FACE, 0},
  {"ＰＡＳＳＷＯＲＤ", SEC, 0},     {"passwort_hash", SEC, NEG},
  {"密码_hash", SEC, NEG},           {"content_hash", NEG, SEC},
  {"password_reset_request_id", SEC | NEG, 0},
  {"country_of_citizenship", DEM, AD}, {"citizenshipCountry", DEM, AD},
  {"MAC주소", MAC, AD},              {"病历号", 0, HEA},
  /* rules, not entries: country + a demographic word; estimate + age or
   * gender; German written without umlauts; head noun + qualifiers */
  {"nationality_country", DEM, AD},  {"birthCountry", DEM, AD | AJAR_H_AGE_DOB},
  {"Geburtsland", DEM, AJAR_H_AGE_DOB}, {"pais_de_nacimiento", DEM, AD | TIME},
  {"country", AD, DEM},              {"travelDocumentNo", PP, 0},
  {"age_est", AGE | FATTR, 0},       {"genderEst", GEN | FATTR, 0},
  {"eta_stimata", AGE | FATTR, 0},   {"geschaetztes_alter", AGE | FATTR, 0},
  {"推定年齢", AGE | FATTR, 0},       {"추정성별", GEN | FATTR, 0},
  {"estimated_price", 0, ALL},       {"est", 0, ALL},    {"alter_table", 0, AGE},
  {"laengengrad", LOC, 0},           {"Staatsangehoerigkeit", DEM, 0},
  {"steuerliche_identifikationsnummer", NID, 0}, {"tax_identification_number", NID, 0},
  {"vehicleRegNo", PL, 0},           {"id_pubblicitario", ADV, 0},
  {"广告标识", ADV, 0},               {"zdbm", HEA, 0},   {"病名コード", HEA, 0},
  {"ifa", ADV, 0},                   {"ad_tracking_id", ADV, 0}, {"rida", ADV, 0},
  {"진단코드", HEA, 0},               {"tipo_sangue", HEA, 0}, {"grupo_sanguineo", HEA, 0},               {"顔特徴量", FACE | EMB, 0},

  /* negatives: not personal, or not what the name alone suggests */
  {"id", 0, ALL},            {"ID", 0, ALL},           {"f1", 0, ALL},
  {"col7", 0, ALL},          {"card", 0, ALL},         {"version", NEG, PII},
  {"file_name", 0, ALL},     {"fileName", 0, ALL},     {"filename", 0, ALL},
  {"hostname", 0, ALL},      {"host_name", 0, ALL},    {"index_name", 0, ALL},
  {"service_name", 0, ALL},  {"app_name", 0, ALL},     {"product_name", 0, ALL},
  {"company_name", 0, ALL},  {"device_name", 0, ALL},  {"user_agent", 0, ALL},
  {"username", 0, ALL},      {"user_name", 0, ALL},    {"user_display_name", 0, NAME},
  {"name_server", 0, NAME},  {"namespace", 0, ALL},    {"page", 0, ALL},
  {"usage", 0, ALL},         {"message", 0, ALL},      {"storage", 0, ALL},
  {"image_count", PHO, NAME}, {"machine", 0, ALL},     {"machine_id", 0, ALL},
  {"plate_count", PL, 0},    {"template", 0, ALL},     {"long_text", 0, ALL},
  {"request_id", NEG, PII},  {"trace_id", NEG, PII},   {"span_id", NEG, PII},
  {"order_id", NEG, PII},    {"sha256", NEG, PII},     {"md5", NEG, PII},
  {"etag", NEG, PII},        {"uuid", NEG, PII},       {"commit", NEG, PII},
  {"hostage", 0, ALL},       {"passage", 0, ALL},      {"hostnames", 0, ALL},
  {"streetname", AD, NAME},  {"useremail", EM, 0},     {"位置信息", LOC, 0},
  {"zipfile", 0, ALL},       {"tip", 0, ALL},          {"ship", 0, ALL},
  {"token_count", 0, SEC},   {"third_party", 0, POL},  {"subnet_mask", 0, FATTR},
  {"serverAddress", IP, AD}, {"wallet_address", 0, AD}, {"at", 0, ALL},
  {"", 0, ALL},              {"___", 0, ALL},          {"12345", 0, ALL},
};

struct vocab_case { const char *v; uint32_t has, lacks; };

#define V_ETH  AJAR_V_ETHNICITY
#define V_REL  AJAR_V_RELIGION
#define V_POL  AJAR_V_POLITICAL
#define V_HEA  AJAR_V_HEALTH
#define V_GEN  AJAR_V_GENDER
#define V_GIV  AJAR_V_GIVEN_NAME
#define V_CNS  AJAR_V_CN_SURNAME
#define V_NAT  AJAR_V_NATIONALITY
#define V_FAC  AJAR_V_FACE_ATTR
#define V_SUR  AJAR_V_SURNAME

static const struct vocab_case vocab_cases[] = {
  {"汉族", V_ETH, 0},          {"维吾尔族", V_ETH, 0},      {"维吾尔", V_ETH, 0},
  {"哈萨克", V_ETH, 0},        {"基诺族", V_ETH, 0},        {"Uyghur", V_ETH, 0},
  {"  uighur ", V_ETH, 0},     {"Han Chinese", V_ETH, 0},   {"Hispanic", V_ETH, 0},
  {"Black or African American", V_ETH, 0}, {"CAUCASIAN", V_ETH, 0},
  {"伊斯兰教", V_REL, 0},      {"Muslim", V_REL, 0},        {"Jehovah's Witness", V_REL, 0},
  {"falun_gong", V_REL, 0},    {"中共党员", V_POL, 0},      {"群众", V_POL, 0},
  {"Democrat", V_POL, 0},      {"Green Party", V_POL, 0},   {"高血压", V_HEA, 0},
  {"type 2 diabetes", V_HEA, 0}, {"Type-2 Diabetes", V_HEA, 0}, {"HIV positive", V_HEA, 0},
  {"covid-19 positive", V_HEA, 0}, {"Hepatitis B", V_HEA, 0}, {"乙型肝炎", V_HEA, 0},
  {"male", V_GEN, 0},          {"F", V_GEN, 0},             {"女", V_GEN, 0},
  {"non-binary", V_GEN, 0},    {"Mary", V_GIV, 0},          {"john", V_GIV, 0},
  {"Smith", V_SUR, V_GIV},     {"王", V_CNS, 0},            {"欧阳", V_CNS, 0},
  {"Chinese", V_NAT, V_ETH},   {"CHN", V_NAT, 0},           {"中国", V_NAT, 0},
  {"Kazakhstani", V_NAT, 0},   {"Korean", V_NAT, V_ETH},    {"Russian", V_NAT, V_ETH},
  {"no_beard", V_FAC, 0},      {"Wearing Mask", V_FAC, 0},  {"戴眼镜", V_FAC, 0},
  {"Christian", V_REL | V_GIV, 0},
  /* negatives */
  {"hello", 0, ALL},           {"", 0, ALL},                {"   ", 0, ALL},
  {"汉", 0, V_ETH},            {"回", 0, V_ETH},            {"Li", 0, V_ETH},
  {"Han", 0, V_ETH},           {"Hui", 0, V_ETH},           {"Independent", 0, ALL},
  {"无", 0, ALL},              {"阳性", 0, ALL},            {"White", 0, V_ETH},
  {"A+", 0, ALL},              {"may", 0, V_GIV},           {"can", 0, V_NAT},
  {"汉族人口", 0, ALL},        {"male ", V_GEN, 0},         {"ma le", 0, ALL},
};

/* clang-format on */

static void field_hint_cases(void) {
  size_t i;
  for (i = 0; i < sizeof field_cases / sizeof field_cases[0]; i++) {
    const struct field_case *c = &field_cases[i];
    uint32_t h = ajar_lexicon_field_hints(c->name, strlen(c->name));
    CHECKF((h & c->has) == c->has && (h & c->lacks) == 0,
           "field \"%s\": got 0x%08x, want all of 0x%08x, none of 0x%08x", c->name,
           (unsigned)h, (unsigned)c->has, (unsigned)c->lacks);
  }
}

static void field_hint_edges(void) {
  char big[600];
  /* equivalence of the three case styles, exactly */
  uint32_t a = ajar_lexicon_field_hints("idCardNo", 8);
  CHECK(a == ajar_lexicon_field_hints("id_card_no", 10));
  CHECK(a == ajar_lexicon_field_hints("id-card-no", 10));
  /* n bounds the read: "sfzh" inside a longer buffer */
  CHECK(ajar_lexicon_field_hints("sfzhXXXX", 4) & NID);
  CHECK(ajar_lexicon_field_hints(NULL, 5) == 0);
  CHECK(ajar_lexicon_field_hints("name", 0) == 0);
  /* very long names and many tokens are safe */
  memset(big, 'a', sizeof big);
  CHECK(ajar_lexicon_field_hints(big, sizeof big) == 0);
  for (size_t i = 0; i < sizeof big; i += 2) {
    big[i] = 'x';
    big[i + 1] = '_';
  }
  CHECK(ajar_lexicon_field_hints(big, sizeof big) == 0);
  /* a truncated UTF-8 sequence is not a match and not a crash */
  CHECK((ajar_lexicon_field_hints("身份证号", 5) & NID) == 0);
  CHECK(ajar_lexicon_field_hints("\xff\xfe", 2) == 0);
}

static void vocab_cases_run(void) {
  size_t i;
  for (i = 0; i < sizeof vocab_cases / sizeof vocab_cases[0]; i++) {
    const struct vocab_case *c = &vocab_cases[i];
    uint32_t v = ajar_lexicon_value_vocab(c->v, strlen(c->v));
    CHECKF((v & c->has) == c->has && (v & c->lacks) == 0,
           "value \"%s\": got 0x%08x, want all of 0x%08x, none of 0x%08x", c->v,
           (unsigned)v, (unsigned)c->has, (unsigned)c->lacks);
  }
  CHECK(ajar_lexicon_value_vocab(NULL, 3) == 0);
  CHECK(ajar_lexicon_value_vocab("malex", 4) & V_GEN); /* n bounds the read */
}

static void cn_helpers(void) {
  static const char *const provs[] = {"京", "津", "沪", "渝", "冀", "豫", "云", "辽",
                                      "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
                                      "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽",
                                      "贵", "粤", "青", "藏", "川", "宁", "琼"};
  size_t i;
  for (i = 0; i < sizeof provs / sizeof provs[0]; i++)
    CHECKF(ajar_lexicon_cn_province(provs[i], 3) == 3, "province %s", provs[i]);
  CHECK(ajar_lexicon_cn_province("粤B12345", strlen("粤B12345")) == 3);
  CHECK(ajar_lexicon_cn_province("港A1234", strlen("港A1234")) == 0);
  CHECK(ajar_lexicon_cn_province("使", 3) == 0);
  CHECK(ajar_lexicon_cn_province("京", 2) == 0);
  CHECK(ajar_lexicon_cn_province("AB", 2) == 0);
  CHECK(ajar_lexicon_cn_province(NULL, 3) == 0);

  {
    static const int ok[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                             41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
                             65, 71, 81, 82, 83, 91};
    int d, n_ok = 0;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
      CHECKF(ajar_lexicon_cn_region_ok(ok[i]), "region %d", ok[i]);
    for (d = -5; d < 120; d++)
      n_ok += ajar_lexicon_cn_region_ok(d);
    CHECK(n_ok == (int)(sizeof ok / sizeof ok[0]));
  }

  {
    static const char *const good[] = {"E11", "E11.9", "F32.1", "I10", "B20", "C50.9",
                                       "J45.909", "S72.001A", "U07.1", "U09.9", "Z99.89"};
    static const char *const bad[] = {"", "E1", "E1.1", "e11", "11E", "E11.", "E11-9",
                                      "E11.123456", "U12", "U07.", "E1A", "E11.9x", "EE1"};
    for (i = 0; i < sizeof good / sizeof good[0]; i++)
      CHECKF(ajar_lexicon_icd10_ok(good[i], strlen(good[i])), "icd10 %s", good[i]);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
      CHECKF(!ajar_lexicon_icd10_ok(bad[i], strlen(bad[i])), "icd10 %s", bad[i]);
    CHECK(!ajar_lexicon_icd10_ok(NULL, 3));
  }
}

/* the normal form by its rule, a byte at a time (lexicon.h) */
static size_t norm_rule(const char *v, size_t n, char *out) {
  size_t i, o = 0;
  int gap = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == '_' || c == '-') {
      gap = o > 0;
      continue;
    }
    if (o + (size_t)gap >= 128)
      return (size_t)-1;
    if (gap)
      out[o++] = ' ';
    gap = 0;
    out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return o;
}

/* ajar_lexicon_value_norm (16 bytes a step where it can) against the
 * rule on random values of separators, letters, UTF-8 and NUL bytes,
 * and the word table (vocabularies and country names in one hash) */
static void value_norm_and_words(void) {
  static const char bytes[] = {'a', 'Z', 'q', 'M', ' ', '-', '_', '\t', '\v', '\r',
                               '\n', '.', '\'', '\0', (char)0xC3, (char)0xA9, '7'};
  uint32_t seed = 12345;
  int round;
  for (round = 0; round < 20000; round++) {
    char v[160], got[AJAR_LEXICON_NORM_CAP], want[160];
    size_t n, i, gl, wl;
    seed = seed * 1103515245u + 12345u;
    n = (seed >> 16) % (round < 10000 ? 70 : 150);
    for (i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      /* mostly letters: the runs of separators are what is tested */
      v[i] = (seed >> 16) % 3 ? bytes[(seed >> 20) % 4] : bytes[(seed >> 20) % sizeof bytes];
    }
    memset(got, 0x55, sizeof got);
    gl = ajar_lexicon_value_norm(v, n, got);
    wl = norm_rule(v, n, want);
    CHECKF(gl == wl, "round %d: length %zu, want %zu", round, gl, wl);
    if (gl != wl || gl == (size_t)-1)
      continue;
    CHECKF(memcmp(got, want, wl) == 0, "round %d: bytes differ", round);
    for (i = wl; i < (wl + 7) / 8 * 8; i++)
      CHECKF(got[i] == 0, "round %d: byte %zu after the form is not 0", round, i);
  }
  /* one table: a word in a vocabulary and a country's name has both */
  CHECK((ajar_lexicon_value_words("China", 5) & (V_NAT | AJAR_V_COUNTRY)) ==
        (V_NAT | AJAR_V_COUNTRY));
  CHECK(!(ajar_lexicon_value_vocab("China", 5) & AJAR_V_COUNTRY));
  CHECK(ajar_lexicon_value_words_exact("deutschland", 11) & AJAR_V_COUNTRY);
  CHECK(!(ajar_lexicon_value_words_exact("Deutschland", 11) & AJAR_V_COUNTRY));
  {
    static const struct { const char *v; int want; } c[] = {
        {"Deutschland", 1}, {"  deutschland\t", 1}, {"GUINEA-BISSAU", 1},
        {"Guinea__Bissau", 1}, {"guineabissau", 0}, {"côte d’ivoire", 1},
        {"KZ", 2}, {"KAZ", 2}, {"KZZ", 0}, {"Kz", 0}, {"K", 0}, {"china", 1},
        {"chinas", 0}, {"", 0}};
    size_t i;
    for (i = 0; i < sizeof c / sizeof c[0]; i++) {
      size_t n = strlen(c[i].v);
      CHECKF(ajar_lexicon_country(c[i].v, n) == c[i].want, "country \"%s\"", c[i].v);
      CHECKF(ajar_lexicon_country_of(c[i].v, n, ajar_lexicon_value_words(c[i].v, n)) ==
                 c[i].want, "country_of \"%s\"", c[i].v);
    }
  }
}

/* a value written from the table word w (normal form, l bytes) as a
 * value may hold it: case changed, a gap as '_', '-', two separators or
 * a tab, separators at the ends, a byte cut or changed (then mostly no
 * word); into v (cap bytes), its length */
static size_t word_variant(const char *w, size_t l, uint32_t *seed, char *v, size_t cap) {
  static const char *const gaps[] = {" ", "_", "-", "  ", " - ", "\t", "__", " \r\n"};
  size_t i, o = 0;
  unsigned how;
  *seed = *seed * 1103515245u + 12345u;
  how = *seed >> 8;
  if (how % 5 == 0 && o < cap)
    v[o++] = how % 3 ? ' ' : '-'; /* trimmed */
  for (i = 0; i < l && o + 4 < cap; i++) {
    char c = w[i];
    if (c == ' ') {
      const char *g = gaps[(how >> 4) % 8];
      while (*g)
        v[o++] = *g++;
      continue;
    }
    if (c >= 'a' && c <= 'z' && ((how >> 7) % 3 == 0 || ((how >> 7) % 3 == 1 && i == 0)))
      c = (char)(c - 32);
    v[o++] = c;
  }
  if ((how >> 9) % 7 == 0 && o < cap)
    v[o++] = '_'; /* trimmed */
  if ((how >> 12) % 6 == 0 && o) /* a byte changed: a letter, a separator, a UTF-8 byte */
    v[(how >> 15) % o] = "xQ -_\xC3\xA9" "e"[(how >> 18) % 8];
  if ((how >> 21) % 9 == 0 && o > 1)
    o--; /* cut */
  return o;
}

/* The word table's sieve (ajar_lexicon_value_words tells most values
 * from its words by a bit before making their normal form) answers as
 * the lookup without it on every vocabulary word and country name,
 * written as values write them, and on values made from them that are
 * no word; and it sieves out most of those */
static void value_words_sieve(void) {
  uint32_t seed = 777;
  size_t t, i, tried = 0, words = 0, sieved = 0, differ = 0;
  for (t = 0; t <= lx_vocab_table_count; t++) {
    size_t count = t < lx_vocab_table_count ? lx_vocab_tables[t].n : ajar_country_names_count;
    for (i = 0; i < count; i++) {
      const char *w = t < lx_vocab_table_count ? lx_vocab_tables[t].v[i] : ajar_country_names[i].s;
      size_t l = t < lx_vocab_table_count ? strlen(w) : ajar_country_names[i].len;
      int round;
      if (l < 3 && t == lx_vocab_table_count)
        continue; /* codes, not in the table */
      CHECKF(ajar_lexicon_value_words(w, l) != 0, "word \"%s\" not found", w);
      for (round = 0; round < 6; round++) {
        char v[200];
        size_t n = word_variant(w, l, &seed, v, sizeof v);
        uint32_t a = ajar_lexicon_value_words(v, n), b = ajar_lexicon_value_words_unsifted(v, n);
        uint32_t ea = ajar_lexicon_value_words_exact(v, n), eb = 0;
        char form[AJAR_LEXICON_NORM_CAP];
        size_t fl = ajar_lexicon_value_norm(v, n, form);
        tried++;
        words += b != 0;
        sieved += !ajar_lexicon_value_sieve(v, n);
        if (!ajar_lexicon_value_sieve(v, n) && b && differ++ < 5)
          fprintf(stderr, "sieve drops \"%.*s\"\n", (int)n, v);
        /* the exact lookup: the same on the normal form, 0 unless v is one */
        if (fl != (size_t)-1 && fl == n && memcmp(form, v, n) == 0)
          eb = b;
        if ((a != b || ea != eb) && differ++ < 5)
          fprintf(stderr, "sieve differs on \"%.*s\": %x %x, exact %x %x\n", (int)n, v, a, b,
                  ea, eb);
      }
    }
  }
  CHECKF(differ == 0, "%zu of %zu values", differ, tried);
  CHECKF(words > tried / 2, "%zu words of %zu values", words, tried);
  /* two words of the table side by side ("barbara walker"), mostly no
   * word: the sieve drops most */
  for (i = tried = words = sieved = 0; i < 20000; i++) {
    const struct lx_vocab_table *ta, *tb;
    const char *a, *b;
    char v[300];
    int n;
    seed = seed * 1103515245u + 12345u;
    ta = &lx_vocab_tables[(seed >> 8) % lx_vocab_table_count];
    tb = &lx_vocab_tables[(seed >> 16) % lx_vocab_table_count];
    if (!ta->n || !tb->n)
      continue;
    seed = seed * 1103515245u + 12345u;
    a = ta->v[(seed >> 4) % ta->n];
    b = tb->v[(seed >> 16) % tb->n];
    n = snprintf(v, sizeof v, "%s %s", a, b);
    if (n <= 0 || (size_t)n >= sizeof v)
      continue;
    tried++;
    words += ajar_lexicon_value_words_unsifted(v, (size_t)n) != 0;
    sieved += !ajar_lexicon_value_sieve(v, (size_t)n);
    CHECKF(ajar_lexicon_value_sieve(v, (size_t)n) || !ajar_lexicon_value_words_unsifted(v, (size_t)n),
           "sieve drops \"%s\"", v);
  }
  CHECKF(sieved > (tried - words) * 4 / 5, "%zu of %zu pairs of words sieved out", sieved,
         tried - words);
}

void test_lexicon(void) {
  CHECKF(ajar_lexicon_selfcheck() == 0, "%zu table defects", ajar_lexicon_selfcheck());
  field_hint_cases();
  field_hint_edges();
  vocab_cases_run();
  cn_helpers();
  value_norm_and_words();
  value_words_sieve();
}
