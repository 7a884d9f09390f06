/* Hand-written tables for lexicon.c: field-name dictionary (English,
 * pinyin initials, Chinese) and value vocabularies. See lexicon.c for why
 * they are hand-written and lexicon_data.h for the entry format.
 *
 * Order inside a table does not matter: lexicon.c sorts once at first use
 * and ajar_lexicon_selfcheck() reports duplicate or malformed keys. */
#include "lexicon.h"
#include "lexicon_data.h"

/* clang-format off: hand-aligned tables */

#define H_NAME  AJAR_H_NAME
#define H_NID   AJAR_H_NATIONAL_ID
#define H_PP    AJAR_H_PASSPORT
#define H_DEM   AJAR_H_DEMOGRAPHIC
#define H_GEN   (AJAR_H_GENDER | AJAR_H_DEMOGRAPHIC)
#define H_AGE   (AJAR_H_AGE_DOB | AJAR_H_DEMOGRAPHIC)
#define H_EM    AJAR_H_EMAIL
#define H_PH    AJAR_H_PHONE
#define H_AD    AJAR_H_ADDRESS
#define H_IMEI  AJAR_H_IMEI
#define H_IMSI  AJAR_H_IMSI
#define H_MAC   AJAR_H_MAC
#define H_IP    AJAR_H_IP
#define H_ADV   AJAR_H_ADVERTISING
#define H_LOC   AJAR_H_LOCATION
#define H_PL    AJAR_H_PLATE
#define H_VIN   AJAR_H_VIN
#define H_CARD  AJAR_H_CARD
#define H_IBAN  AJAR_H_IBAN
#define H_FACE  AJAR_H_FACE
#define H_FATTR AJAR_H_FACE_ATTR
#define H_EMB   AJAR_H_EMBEDDING
#define H_PHO   AJAR_H_PHOTO
#define H_ETH   AJAR_H_ETHNICITY
#define H_REL   AJAR_H_RELIGION
#define H_POL   AJAR_H_POLITICAL
#define H_HEA   AJAR_H_HEALTH
#define H_SEC   AJAR_H_SECRET
#define H_TIME  AJAR_H_TIME
#define H_PLA   AJAR_H_PLACE
#define H_NEG   AJAR_H_NEGATIVE

#define E(k, h)       {k, h, 0, 0}                   /* anywhere as a word */
#define W(k, h)       {k, h, LX_WHOLE, 0}            /* whole name only */
#define HD(k, h)      {k, h, LX_HEAD, 0}             /* last word only */
#define P(k, h)       {k, h, LX_PINYIN, 0}           /* pinyin: whole name or token */
#define PW(k, h)      {k, h, LX_PINYIN | LX_WHOLE, 0} /* pinyin, whole name only */
#define Q(k, h)       {k, h, LX_NAMEQ, 0}            /* "<k> name" is not a person */
#define A(k, h, alt)  {k, h, LX_ADDRQ, alt}          /* "<k> address" is alt */
#define QA(k, h, alt) {k, h, LX_NAMEQ | LX_ADDRQ, alt}
#define M(k)          {k, 0, LX_MOD, 0}
#define EST(k)        {k, 0, LX_EST | LX_MOD, 0}      /* estimated (lexicon.c) */
#define CTRY(k)       {k, 0, LX_COUNTRY, 0}           /* country (lexicon.c) */
#define COUNT(a)      (sizeof(a) / sizeof((a)[0]))

/* ---- English: people and documents ---------------------------------- */
static const struct lx_field en_person[] = {
  {"name", H_NAME, LX_NAMEHEAD, 0},
  E("firstname", H_NAME | AJAR_H_PERSON),   E("lastname", H_NAME | AJAR_H_PERSON),     E("givenname", H_NAME | AJAR_H_PERSON),
  E("givennames", H_NAME | AJAR_H_PERSON),  E("surname", H_NAME | AJAR_H_PERSON),      E("familyname", H_NAME | AJAR_H_PERSON),
  E("fullname", H_NAME | AJAR_H_PERSON),    E("middlename", H_NAME | AJAR_H_PERSON),   E("maidenname", H_NAME | AJAR_H_PERSON),
  E("realname", H_NAME | AJAR_H_PERSON),    E("legalname", H_NAME | AJAR_H_PERSON),    E("nickname", H_NAME),
  E("fname", H_NAME | AJAR_H_PERSON),       E("lname", H_NAME | AJAR_H_PERSON),        E("forename", H_NAME | AJAR_H_PERSON),
  E("forenames", H_NAME | AJAR_H_PERSON),   E("personname", H_NAME | AJAR_H_PERSON),   E("customername", H_NAME | AJAR_H_PERSON),
  E("patientname", H_NAME | AJAR_H_PERSON), E("drivername", H_NAME | AJAR_H_PERSON),   E("ownername", H_NAME | AJAR_H_PERSON),
  E("contactname", H_NAME | AJAR_H_PERSON), E("holdername", H_NAME | AJAR_H_PERSON),   E("cardholder", H_NAME | AJAR_H_PERSON),
  E("cardholdername", H_NAME | AJAR_H_PERSON), E("accountholder", H_NAME | AJAR_H_PERSON), E("xingming", H_NAME | AJAR_H_PERSON),
  /* account handles, not person names */
  E("username", 0), E("loginname", 0), E("screenname", 0),

  E("ssn", H_NID),            E("socialsecurity", H_NID),  E("socialsecuritynumber", H_NID),
  E("socialsecurityno", H_NID), E("nino", H_NID),          E("nationalinsurance", H_NID),
  E("nationalinsurancenumber", H_NID), E("nationalinsuranceno", H_NID),
  E("nationalid", H_NID),     E("nationalidnumber", H_NID), E("nationalidno", H_NID),
  E("idcard", H_NID),         E("idcardno", H_NID),        E("idcardnumber", H_NID),
  E("idnumber", H_NID),       E("idno", H_NID),            E("idnum", H_NID),
  E("identitycard", H_NID),   E("identitycardno", H_NID),  E("identitycardnumber", H_NID),
  E("identitynumber", H_NID), E("identityno", H_NID),      E("citizenid", H_NID),
  E("citizenidnumber", H_NID), E("residentid", H_NID),     E("residentidcard", H_NID),
  E("residentidnumber", H_NID), E("personalid", H_NID),    E("personalidnumber", H_NID),
  E("personnummer", H_NID),   E("pesel", H_NID),           E("codicefiscale", H_NID),
  E("bsn", H_NID),            E("dni", H_NID),             E("nie", H_NID),
  E("nif", H_NID),            E("aadhaar", H_NID),         E("aadhar", H_NID),
  E("aadhaarnumber", H_NID),  E("ninumber", H_NID),  E("burgerservicenummer", H_NID),
  E("sofinummer", H_NID),     E("steueridnr", H_NID),     E("stidnr", H_NID),
  E("individualnumber", H_NID), E("sozialversicherungsnummer", H_NID),
  E("steueridentifikationsnummer", H_NID), E("personalausweisnummer", H_NID),
  E("numerodesecuritesociale", H_NID),  E("nir", H_NID),             E("cpf", H_NID),
  E("rrn", H_NID),            E("mynumber", H_NID),        E("steuerid", H_NID),
  E("taxid", H_NID),          E("taxidnumber", H_NID),     W("tin", H_NID),
  W("sin", H_NID),            E("nric", H_NID),            E("hkid", H_NID),
  E("curp", H_NID),           E("govid", H_NID),           E("governmentid", H_NID),
  E("driverlicense", H_NID),  E("driverslicense", H_NID),  E("driverlicence", H_NID),
  E("driverslicence", H_NID), E("drivinglicence", H_NID),  E("drivinglicense", H_NID),
  E("shenfenzheng", H_NID),   E("shenfenzhenghao", H_NID),
  E("nhs", H_NID),            E("nhsnumber", H_NID),       E("nhsno", H_NID),
  E("itin", H_NID),           E("panno", H_NID),           E("pannumber", H_NID),
  E("pancard", H_NID),        E("permanentaccountnumber", H_NID), E("numerofiscal", H_NID),

  E("passport", H_PP), E("passportno", H_PP), E("passportnumber", H_PP),
  E("passportnum", H_PP), E("passportid", H_PP),

  E("dob", H_AGE),        E("dateofbirth", H_AGE), E("birthdate", H_AGE),
  E("birthday", H_AGE),   E("birthdt", H_AGE),     E("birth", H_AGE),
  E("birthyear", H_AGE),  E("yearofbirth", H_AGE), E("age", H_AGE),
  E("gender", H_GEN),     E("sex", H_GEN),         E("xingbie", H_GEN),
  W("salutation", H_GEN), W("anrede", H_GEN),      W("civilite", H_GEN),
  W("tratamiento", H_GEN), W("aanhef", H_GEN),     W("称谓", H_GEN),
  E("nationality", H_DEM), E("citizenship", H_DEM), E("maritalstatus", H_DEM),
  E("marital", H_DEM),    E("birthplace", H_DEM),  E("placeofbirth", H_DEM),
};

/* ---- English: contact ------------------------------------------------ */
static const struct lx_field en_contact[] = {
  A("email", H_EM, H_EM),   A("mail", H_EM, H_EM),  E("emailaddress", H_EM),
  E("emailaddr", H_EM),     E("mailaddress", H_EM), E("mailaddr", H_EM),

  E("phone", H_PH),         HD("mobile", H_PH),     HD("cell", H_PH),
  E("mobilephone", H_PH),   E("mobileno", H_PH),    E("mobilenumber", H_PH),
  E("cellphone", H_PH),     E("cellno", H_PH),      E("cellnumber", H_PH),
  E("tel", H_PH),           E("telephone", H_PH),   E("telno", H_PH),
  E("msisdn", H_PH),        E("phonenumber", H_PH), E("phoneno", H_PH),
  E("phonenum", H_PH),      E("contactnumber", H_PH), E("contactno", H_PH),
  E("contactphone", H_PH),  E("fax", H_PH),         E("faxno", H_PH),
  E("faxnumber", H_PH),     E("landline", H_PH),
  E("caller", H_PH),        E("callee", H_PH),      E("callingnumber", H_PH),
  E("callednumber", H_PH),  E("callingparty", H_PH), E("calledparty", H_PH),

  {"address", H_AD, LX_ADDRHEAD, 0}, {"addr", H_AD, LX_ADDRHEAD, 0},
  E("streetaddress", H_AD), E("zip", H_AD),         E("zipcode", H_AD),
  E("postcode", H_AD),      E("postalcode", H_AD),  E("homeaddress", H_AD),
  E("residence", H_AD),     E("residentialaddress", H_AD), E("addressline", H_AD),
  E("mailingaddress", H_AD), E("billingaddress", H_AD), E("shippingaddress", H_AD),
  E("housenumber", H_AD),   E("houseno", H_AD),     E("apartment", H_AD),
  Q("street", H_AD),        Q("road", H_AD),        Q("city", H_AD),
  Q("town", H_AD),          Q("village", H_AD),     Q("district", H_AD),
  Q("county", H_AD),        Q("province", H_AD),    {"country", H_AD, LX_NAMEQ | LX_COUNTRY, 0},
};

/* ---- English: devices, network, location, vehicles, money ------------ */
static const struct lx_field en_device[] = {
  E("imei", H_IMEI), E("imeisv", H_IMEI), E("imsi", H_IMSI),

  A("mac", H_MAC, H_MAC),   E("macaddress", H_MAC), E("macaddr", H_MAC),
  E("bssid", H_MAC),        E("wifimac", H_MAC),    E("btmac", H_MAC),
  E("hwaddr", H_MAC),

  A("ip", H_IP, H_IP),      A("ipv4", H_IP, H_IP),  A("ipv6", H_IP, H_IP),
  E("ipaddress", H_IP),     E("ipaddr", H_IP),      E("clientip", H_IP),
  E("srcip", H_IP),         E("sourceip", H_IP),    E("remoteip", H_IP),
  E("remoteaddr", H_IP),    E("xforwardedfor", H_IP), E("forwardedfor", H_IP),
  E("dstip", H_IP),         E("destip", H_IP),      E("realip", H_IP),
  E("xrealip", H_IP),       E("peerip", H_IP),      E("userip", H_IP),
  E("hostip", H_IP),        E("serverip", H_IP),    E("publicip", H_IP),
  E("privateip", H_IP),     E("localip", H_IP),

  E("idfa", H_ADV),  E("idfv", H_ADV),  E("gaid", H_ADV),  E("adid", H_ADV),
  E("aaid", H_ADV),  E("oaid", H_ADV),  E("udid", H_ADV),  E("advertisingid", H_ADV),
  E("deviceid", H_ADV), E("androidid", H_ADV),
  /* IAB Tech Lab, "Guidelines for IFA on OTT platforms": the generic
   * identifier for advertising and the platforms' names for it */
  W("ifa", H_ADV), E("rida", H_ADV), E("afai", H_ADV), E("msai", H_ADV),
  E("tifa", H_ADV), E("lgudid", H_ADV), E("adtracking", H_ADV),
  E("adtrackingid", H_ADV),

  QA("location", H_LOC, 0), E("geo", H_LOC),        E("geopoint", H_LOC),
  E("geolocation", H_LOC),  E("coordinates", H_LOC), E("coordinate", H_LOC),
  E("coords", H_LOC),       E("coord", H_LOC),      E("lat", H_LOC),
  E("lon", H_LOC),          E("lng", H_LOC),        E("latitude", H_LOC),
  E("longitude", H_LOC),    E("gps", H_LOC),        E("position", H_LOC),
  E("geohash", H_LOC),      E("latlng", H_LOC),     E("latlon", H_LOC),
  E("lnglat", H_LOC),       E("lonlat", H_LOC),

  Q("camera", H_PLA),       Q("cam", H_PLA),        Q("checkpoint", H_PLA),
  Q("site", H_PLA),         Q("place", H_PLA),      Q("station", H_PLA),
  Q("venue", H_PLA),        Q("spot", H_PLA),       Q("gate", H_PLA),
  Q("tollgate", H_PLA),     E("devicelocation", H_PLA), E("locationname", H_PLA),

  E("plate", H_PL),         E("licenseplate", H_PL), E("licenceplate", H_PL),
  E("plateno", H_PL),       E("platenumber", H_PL), E("platenum", H_PL),
  E("numberplate", H_PL),   W("registration", H_PL), E("registrationnumber", H_PL),
  E("registrationno", H_PL), E("vehicleplate", H_PL), E("carplate", H_PL),
  E("vin", H_VIN),          E("vinno", H_VIN),      E("vehicleidnumber", H_VIN),
  E("vehicleidentificationnumber", H_VIN), E("chassisnumber", H_VIN), E("chassisno", H_VIN),

  E("cardnumber", H_CARD),  E("cardno", H_CARD),    E("cardnum", H_CARD),
  E("creditcard", H_CARD),  E("creditcardnumber", H_CARD), E("creditcardno", H_CARD),
  E("ccnumber", H_CARD),    E("ccnum", H_CARD),     W("pan", H_CARD),
  E("debitcard", H_CARD),   E("bankcard", H_CARD),  E("bankcardno", H_CARD),
  E("bankcardnumber", H_CARD), E("paymentcard", H_CARD),
  E("cvv", H_CARD | H_SEC), E("cvc", H_CARD | H_SEC),
  E("iban", H_IBAN),        E("ibanno", H_IBAN),    E("bankaccount", H_IBAN),
  E("bankaccountnumber", H_IBAN), E("bankaccountno", H_IBAN),
  E("accountnumber", H_IBAN), E("accountno", H_IBAN),
};

/* ---- English: faces, special categories, secrets --------------------- */
static const struct lx_field en_special[] = {
  E("face", H_FACE),        E("facial", H_FACE),    E("faceattributes", H_FACE),
  E("faceattribute", H_FACE), E("faceattrs", H_FACE), E("portrait", H_FACE),
  E("faceid", H_FACE),

  E("beard", H_FATTR),      E("mustache", H_FATTR), E("moustache", H_FATTR),
  E("glasses", H_FATTR),    E("eyeglasses", H_FATTR), E("sunglasses", H_FATTR),
  HD("mask", H_FATTR),      E("facemask", H_FATTR), E("smile", H_FATTR),
  E("smiling", H_FATTR),    E("hat", H_FATTR),      W("cap", H_FATTR),
  E("eyesopen", H_FATTR),   E("eyesclosed", H_FATTR), E("mouthopen", H_FATTR),
  E("expression", H_FATTR), E("emotion", H_FATTR),  E("skintone", H_FATTR),
  E("haircolor", H_FATTR),  E("haircolour", H_FATTR), E("headwear", H_FATTR),
  E("ageestimate", H_FATTR | H_AGE), E("genderestimate", H_FATTR | H_GEN),
  E("subnetmask", 0),       E("netmask", 0),        E("bitmask", 0),

  E("embedding", H_EMB),    HD("feature", H_EMB),   HD("features", H_EMB),
  E("featurevector", H_EMB), HD("vector", H_EMB),   HD("descriptor", H_EMB),
  E("facevector", H_EMB | H_FACE), E("faceembedding", H_EMB | H_FACE),
  E("facefeature", H_EMB | H_FACE), E("filedescriptor", 0),

  Q("photo", H_PHO),        Q("image", H_PHO),      Q("img", H_PHO),
  Q("picture", H_PHO),      Q("pic", H_PHO),        E("avatar", H_PHO),
  E("snapshot", H_PHO),     E("thumbnail", H_PHO),
  E("faceimage", H_PHO | H_FACE), E("facecrop", H_PHO | H_FACE),
  E("facephoto", H_PHO | H_FACE), E("facepic", H_PHO | H_FACE),
  E("faceimg", H_PHO | H_FACE),   E("selfie", H_PHO | H_FACE),
  E("headshot", H_PHO | H_FACE),

  E("ethnicity", H_ETH),    E("ethnic", H_ETH),     E("ethnicgroup", H_ETH),
  E("race", H_ETH),         E("nation", H_ETH),     E("minzu", H_ETH),
  E("religion", H_REL),     E("faith", H_REL),      E("religious", H_REL),
  E("belief", H_REL),       E("religiousbelief", H_REL), E("religiousaffiliation", H_REL),
  E("political", H_POL),    E("politicalparty", H_POL), E("partymembership", H_POL),
  E("politicalaffiliation", H_POL), E("politicalstatus", H_POL), W("party", H_POL),
  E("partyaffiliation", H_POL), E("politics", H_POL), E("politicalview", H_POL),
  E("politicalviews", H_POL),

  E("health", H_HEA),       E("diagnosis", H_HEA),  E("diagnoses", H_HEA),
  Q("disease", H_HEA),      W("condition", H_HEA),  E("medicalcondition", H_HEA),
  E("healthcondition", H_HEA), E("medical", H_HEA), E("medicalhistory", H_HEA),
  E("healthstatus", H_HEA), E("icd", H_HEA),        E("icd10", H_HEA),
  E("icdcode", H_HEA),      E("icd10code", H_HEA),  Q("medication", H_HEA),
  Q("medicine", H_HEA),     Q("drug", H_HEA),       E("prescription", H_HEA),
  E("allergy", H_HEA),      E("allergies", H_HEA),  E("bloodtype", H_HEA),
  E("bloodgroup", H_HEA),   E("hiv", H_HEA),        E("symptom", H_HEA),
  E("symptoms", H_HEA),     HD("treatment", H_HEA), E("illness", H_HEA),
  E("disability", H_HEA),   E("pregnancy", H_HEA),  E("pregnant", H_HEA),
  E("vaccination", H_HEA),  E("vaccine", H_HEA),    E("mentalhealth", H_HEA),
  E("medicalrecord", H_HEA),

  E("password", H_SEC),     E("passwd", H_SEC),     E("pwd", H_SEC),
  HD("pass", H_SEC),        E("secret", H_SEC),     HD("token", H_SEC),
  E("apikey", H_SEC),       E("accesskey", H_SEC),  E("secretkey", H_SEC),
  E("privatekey", H_SEC),   E("authtoken", H_SEC),  E("accesstoken", H_SEC),
  E("refreshtoken", H_SEC), E("idtoken", H_SEC),    E("sessiontoken", H_SEC),
  E("bearertoken", H_SEC),  E("clientsecret", H_SEC), E("passwordhash", H_SEC),
  E("pwdhash", H_SEC),      E("passwdhash", H_SEC),   E("passhash", H_SEC),
  E("pwhash", H_SEC), E("credentials", H_SEC),
  E("credential", H_SEC),   E("passphrase", H_SEC), W("pin", H_SEC),
  E("pincode", H_SEC),      E("licensekey", H_SEC), E("apisecret", H_SEC),
  E("apitoken", H_SEC),
};

/* ---- English: not personal (time, negatives) ------------------------- */
static const struct lx_field en_other[] = {
  E("time", H_TIME),        E("ts", H_TIME),        E("timestamp", H_TIME),
  E("date", H_TIME),        E("datetime", H_TIME),  E("createdat", H_TIME),
  E("updatedat", H_TIME),   E("capturedat", H_TIME), E("seenat", H_TIME),
  E("passedat", H_TIME),    E("eventtime", H_TIME), E("createtime", H_TIME),
  E("updatetime", H_TIME),  E("modifytime", H_TIME), E("capturetime", H_TIME),
  E("snaptime", H_TIME),    E("passtime", H_TIME),  E("passdate", H_TIME),
  E("gmtcreate", H_TIME),   E("gmtmodified", H_TIME),
  {"at", H_TIME, LX_HEAD | LX_NOTWHOLE, 0}, /* created_at, seen_at ... */

  E("version", H_NEG),      E("ver", H_NEG),        E("build", H_NEG),
  E("buildnumber", H_NEG),  E("buildno", H_NEG),    E("buildid", H_NEG),
  E("requestid", H_NEG),    E("reqid", H_NEG),      E("traceid", H_NEG),
  E("spanid", H_NEG),       E("correlationid", H_NEG), E("messageid", H_NEG),
  E("msgid", H_NEG),        E("orderid", H_NEG),    E("sku", H_NEG),
  E("checksum", H_NEG),     {"hash", H_NEG, LX_DIGEST, 0},       E("contenthash", H_NEG),
  E("filehash", H_NEG),     {"md5", H_NEG, LX_DIGEST, 0},        {"sha1", H_NEG, LX_DIGEST, 0},
  {"sha256", H_NEG, LX_DIGEST, 0},       {"sha512", H_NEG, LX_DIGEST, 0},     E("crc", H_NEG),
  E("crc32", H_NEG),        E("etag", H_NEG),       E("uuid", H_NEG),
  E("guid", H_NEG),         E("txid", H_NEG),       E("commit", H_NEG),
  E("commitid", H_NEG),     E("revision", H_NEG),

  /* known words without hints: they stop a compound from being unknown,
   * so "homeaddress" splits into home + address and "userid" into user + id */
  E("id", 0),      E("home", 0),     E("work", 0),     E("contact", AJAR_H_PERSON),
  E("customer", AJAR_H_PERSON), E("patient", AJAR_H_PERSON), E("person", AJAR_H_PERSON),   E("owner", AJAR_H_PERSON),
  E("holder", AJAR_H_PERSON),  E("driver", AJAR_H_PERSON),   {"number", 0, LX_GENERIC, 0},   {"no", 0, LX_GENERIC, 0},
  {"num", 0, LX_GENERIC, 0},     {"code", 0, LX_GENERIC, 0},     E("card", 0),     E("info", 0),
};

/* Qualifiers: "<q> name" is not a person name; "<q> address" is alt. */
static const struct lx_field en_qualifiers[] = {
  Q("file", 0),      QA("host", 0, H_IP),   Q("index", 0),     Q("service", 0),
  Q("app", 0),       Q("application", 0),   Q("product", 0),   Q("company", 0),
  Q("device", 0),    Q("bucket", 0),        Q("table", 0),     Q("db", 0),
  Q("database", 0),  Q("schema", 0),        Q("column", 0),    Q("col", 0),
  Q("field", 0),     Q("key", 0),           Q("class", 0),     Q("type", 0),
  Q("event", 0),     Q("brand", 0),         Q("model", 0),     Q("org", 0),
  Q("organization", 0), Q("organisation", 0), Q("team", 0),    Q("project", 0),
  Q("region", 0),    Q("state", 0),         Q("bank", 0),      Q("school", 0),
  Q("college", 0),   Q("university", 0),    Q("hospital", 0),  Q("clinic", 0),
  Q("dept", 0),      Q("department", 0),    Q("unit", 0),      Q("group", 0),
  Q("role", 0),      Q("category", 0),      Q("tag", 0),       Q("label", 0),
  Q("queue", 0),     Q("topic", 0),         Q("cluster", 0),   QA("node", 0, H_IP),
  QA("server", 0, H_IP), Q("pod", 0),       Q("container", 0), Q("job", 0),
  Q("task", 0),      Q("metric", 0),        Q("module", 0),    Q("package", 0),
  Q("pkg", 0),       Q("plugin", 0),        Q("function", 0),  Q("func", 0),
  Q("method", 0),    Q("var", 0),           Q("variable", 0),  Q("param", 0),
  Q("parameter", 0), Q("attr", 0),          Q("attribute", 0), Q("property", 0),
  Q("prop", 0),      Q("option", 0),        Q("config", 0),    Q("setting", 0),
  Q("env", 0),       Q("namespace", 0),     Q("ns", 0),        Q("domain", 0),
  Q("path", 0),      Q("dir", 0),           Q("folder", 0),    QA("base", 0, 0),
  Q("item", 0),      Q("goods", 0),         Q("course", 0),    Q("building", 0),
  Q("room", 0),      Q("area", 0),          Q("zone", 0),      Q("channel", 0),
  Q("account", 0),   Q("user", 0),          Q("login", 0),     Q("screen", 0),
  Q("sheet", 0),     Q("doc", 0),           Q("document", 0),  Q("report", 0),
  Q("template", 0),  QA("network", 0, H_IP), Q("ssid", 0),     QA("wifi", 0, H_MAC),
  Q("interface", 0), Q("iface", 0),         Q("sensor", 0),    Q("api", 0),
  Q("endpoint", 0),  Q("route", 0),         Q("resource", 0),  Q("stream", 0),
  QA("source", 0, H_IP), Q("target", 0),    Q("dataset", 0),   Q("view", 0),
  Q("layer", 0),     Q("font", 0),          Q("color", 0),     Q("icon", 0),
  Q("menu", 0),      Q("page", 0),          Q("widget", 0),    Q("component", 0),
  Q("volume", 0),    Q("disk", 0),          Q("process", 0),   Q("program", 0),
  Q("thread", 0),    Q("workflow", 0),      Q("pipeline", 0),  Q("stage", 0),
  Q("step", 0),      Q("rule", 0),          Q("policy", 0),    Q("permission", 0),
  Q("scope", 0),     Q("game", 0),          Q("level", 0),     Q("pet", 0),
  Q("species", 0),   Q("instance", 0),      Q("vm", 0),        QA("machine", 0, H_IP),
  Q("script", 0),    Q("command", 0),       Q("cmd", 0),       Q("action", 0),
  Q("operation", 0), Q("handler", 0),       Q("entity", 0),    Q("object", 0),
  Q("obj", 0),       Q("record", 0),        Q("element", 0),   Q("tab", 0),
  Q("window", 0),    Q("website", 0),       QA("web", 0, 0),   QA("url", 0, 0),
  Q("link", 0),      Q("store", 0),         Q("shop", 0),      Q("merchant", 0),
  Q("vendor", 0),    Q("supplier", 0),      Q("factory", 0),   Q("album", 0),
  Q("song", 0),      Q("track", 0),         Q("movie", 0),     Q("show", 0),
  Q("hotel", 0),     Q("restaurant", 0),    Q("airport", 0),   Q("airline", 0),
  Q("flight", 0),    Q("ship", 0),          Q("vessel", 0),    QA("port", 0, H_IP),
  Q("plan", 0),      Q("exam", 0),          Q("subject", 0),   Q("office", 0),
  Q("branch", 0),    Q("mall", 0),          Q("park", 0),      Q("community", 0),
  Q("club", 0),      Q("league", 0),        Q("alias", 0),     Q("tenant", 0),
  /* only before "address" */
  A("bind", 0, H_IP),     A("listen", 0, H_IP),   A("proxy", 0, H_IP),
  A("remote", 0, H_IP),   A("peer", 0, H_IP),     {"client", AJAR_H_PERSON, LX_ADDRQ, H_IP},
  A("src", 0, H_IP),      A("dst", 0, H_IP),      A("dest", 0, H_IP),
  A("destination", 0, H_IP), A("gateway", 0, H_IP), A("gw", 0, H_IP),
  A("broker", 0, H_IP),   A("net", 0, H_IP),      A("socket", 0, H_IP),
  A("upstream", 0, H_IP), A("wallet", 0, 0),      A("contract", 0, 0),
  A("memory", 0, 0),      A("mem", 0, 0),         A("return", 0, 0),
  A("callback", 0, 0),    A("redirect", 0, 0),    A("bluetooth", 0, H_MAC),
  A("bt", 0, H_MAC),      A("hardware", 0, H_MAC), A("hw", 0, H_MAC),
  A("ethernet", 0, H_MAC),
  /* modifiers: skipped when looking back from "name" */
  M("display"), M("short"), M("long"), M("real"), M("common"), M("friendly"),
  M("official"), M("legal"), M("english"), M("en"), M("chinese"), M("cn"),
  M("zh"), M("native"), M("full"),
  {"local", 0, LX_MOD | LX_ADDRQ, H_IP},
};

/* ---- pinyin initials (Chinese government / police systems) ----------- */
static const struct lx_field pinyin[] = {
  P("xm", H_NAME | AJAR_H_PERSON),      /* 姓名 */        P("xmpy", H_NAME),    /* 姓名拼音 */
  P("cym", H_NAME),     /* 曾用名 */
  P("sfzh", H_NID),     /* 身份证号 */    P("sfzhm", H_NID),    /* 身份证号码 */
  P("gmsfhm", H_NID),   /* 公民身份号码 */ P("zjhm", H_NID),    /* 证件号码 */
  P("sfz", H_NID),      /* 身份证 */
  P("hzhm", H_PP),      /* 护照号码 */
  P("xb", H_GEN),       /* 性别 */        P("csrq", H_AGE),     /* 出生日期 */
  PW("nl", H_AGE),      /* 年龄 */        PW("gj", H_DEM),      /* 国籍 */
  P("hyzk", H_DEM),     /* 婚姻状况 */
  P("lxdh", H_PH),      /* 联系电话 */    P("sjhm", H_PH),      /* 手机号码 */
  P("dhhm", H_PH),      /* 电话号码 */    P("sjh", H_PH),       /* 手机号 */
  P("lxfs", H_PH),      /* 联系方式 */    P("gddh", H_PH),      /* 固定电话 */
  PW("dz", H_AD),       /* 地址 */        PW("zz", H_AD),       /* 住址 */
  P("hjdz", H_AD),      /* 户籍地址 */    P("xzz", H_AD),       /* 现住址 */
  P("jzdz", H_AD),      /* 居住地址 */    P("jtzz", H_AD),      /* 家庭住址 */
  P("lxdz", H_AD),      /* 联系地址 */    P("hkszd", H_AD),     /* 户口所在地 */
  P("dzyx", H_EM),      /* 电子邮箱 */
  P("cph", H_PL),       /* 车牌号 */      P("hphm", H_PL),      /* 号牌号码 */
  P("clsbdh", H_VIN),   /* 车辆识别代号 */ P("cjh", H_VIN),     /* 车架号 */
  P("mz", H_ETH),       /* 民族 */        P("zjxy", H_REL),     /* 宗教信仰 */
  P("zzmm", H_POL),     /* 政治面貌 */    P("jkzk", H_HEA),     /* 健康状况 */
  /* health: initials of the Chinese terms, as above */
  P("zdbm", H_HEA),     /* 诊断编码 */    P("jbbm", H_HEA),     /* 疾病编码 */
  P("zdmc", H_HEA),     /* 诊断名称 */    P("jbmc", H_HEA),     /* 疾病名称 */
  P("jws", H_HEA),      /* 既往史 */      P("gms", H_HEA),      /* 过敏史 */
  P("kkmc", H_PLA),     /* 卡口名称 */    P("kkbh", H_PLA),     /* 卡口编号 */
  P("sxtbh", H_PLA),    /* 摄像头编号 */  P("sxtmc", H_PLA),    /* 摄像头名称 */
  P("sbbh", H_PLA),     /* 设备编号 */
  P("tgsj", H_TIME),    /* 通过时间 */    P("zpsj", H_TIME),    /* 抓拍时间 */
  P("cjsj", H_TIME),    /* 采集/创建时间 */ P("gxsj", H_TIME),  /* 更新时间 */
  PW("sj", H_TIME),     /* 时间 */
  PW("jd", H_LOC),      /* 经度 */        PW("wd", H_LOC),      /* 纬度 */
  PW("zp", H_PHO | H_FACE), /* 照片 */    P("rlzp", H_PHO | H_FACE), /* 人脸照片 */
  P("rxzp", H_PHO | H_FACE), /* 人像照片 */ P("rltp", H_PHO | H_FACE), /* 人脸图片 */
  P("rltz", H_EMB | H_FACE), /* 人脸特征 */ P("tzz", H_EMB | H_FACE),  /* 特征值 */
  PW("rl", H_FACE),     /* 人脸 */
  P("yhkh", H_CARD),    /* 银行卡号 */    PW("mm", H_SEC),      /* 密码 */
};

/* ---- Chinese field names (exact; see lx_cjk_needles for the rest) ----- */
static const struct lx_field chinese[] = {
  E("姓名", H_NAME | AJAR_H_PERSON),       E("真实姓名", H_NAME | AJAR_H_PERSON),
  E("身份证", H_NID),       E("身份证号", H_NID),     E("身份证号码", H_NID),
  E("公民身份号码", H_NID), E("证件号码", H_NID),     E("证件号", H_NID),
  E("护照", H_PP),          E("护照号", H_PP),        E("护照号码", H_PP),
  E("性别", H_GEN),         E("出生日期", H_AGE),     E("生日", H_AGE),
  E("年龄", H_AGE),         E("出生年月", H_AGE),     E("国籍", H_DEM),
  E("婚姻状况", H_DEM),
  E("手机", H_PH),          E("手机号", H_PH),        E("手机号码", H_PH),
  E("电话", H_PH),          E("联系电话", H_PH),      E("电话号码", H_PH),
  E("联系方式", H_PH),
  E("邮箱", H_EM),          E("电子邮件", H_EM),      E("电子邮箱", H_EM),
  E("邮件", H_EM),          E("邮箱地址", H_EM),      E("电子邮件地址", H_EM),
  E("邮件地址", H_EM),
  E("地址", H_AD),          E("住址", H_AD),          E("户籍地址", H_AD),
  E("现住址", H_AD),        E("居住地址", H_AD),      E("家庭住址", H_AD),
  E("户籍地", H_AD),        E("邮编", H_AD),          E("邮政编码", H_AD),
  E("省份", H_AD),          E("城市", H_AD),          E("区县", H_AD),
  E("ip地址", H_IP),        E("mac地址", H_MAC),
  E("车牌", H_PL),          E("车牌号", H_PL),        E("车牌号码", H_PL),
  E("号牌号码", H_PL),      E("号牌", H_PL),
  E("车架号", H_VIN),       E("车辆识别代号", H_VIN), E("车辆识别号", H_VIN),
  E("民族", H_ETH),         E("宗教", H_REL),         E("宗教信仰", H_REL),
  E("政治面貌", H_POL),     E("党派", H_POL),
  E("诊断", H_HEA),         E("病史", H_HEA),         E("疾病", H_HEA),
  E("病情", H_HEA),         E("健康", H_HEA),         E("健康状况", H_HEA),
  E("过敏史", H_HEA),       E("血型", H_HEA),
  E("人脸", H_FACE),        E("人像", H_FACE),
  E("照片", H_PHO),         E("图片", H_PHO),         E("抓拍图", H_PHO),
  E("抓拍图片", H_PHO),     E("全景图", H_PHO),
  E("人脸照片", H_PHO | H_FACE), E("人像照片", H_PHO | H_FACE), E("头像", H_PHO | H_FACE),
  E("特征", H_EMB),         E("特征值", H_EMB),       E("特征向量", H_EMB),
  E("人脸特征", H_EMB | H_FACE),
  E("时间", H_TIME),        E("抓拍时间", H_TIME),    E("通过时间", H_TIME),
  E("日期", H_TIME),        E("创建时间", H_TIME),
  E("卡口", H_PLA),         E("地点", H_PLA),         E("摄像头", H_PLA),
  E("点位", H_PLA),         E("卡口名称", H_PLA),
  E("经度", H_LOC),         E("纬度", H_LOC),         E("坐标", H_LOC),
  E("位置", H_LOC),
  E("密码", H_SEC),
  E("银行卡号", H_CARD),    E("银行卡", H_CARD),      E("卡号", H_CARD),
  E("手机串号", AJAR_H_IMEI), E("串号", AJAR_H_IMEI),   E("设备串号", AJAR_H_IMEI),
};

/* ==== field names in other languages =================================
 *
 * Where the words come from. Written by hand, as a translator would,
 * from the labels of each country's official forms and from the
 * locale data that software is translated with; each list was checked
 * against the source named here, never against a fake-data library:
 *  - Unicode CLDR (common/main/<lang>.xml, release 44): display names of
 *    date fields (date, year, hour), of countries and of languages, the
 *    words the operating systems use in their own UI;
 *  - ISO/IEC 7501-1 (machine-readable travel documents): the printed
 *    labels of the passport data page in each issuing state's language
 *    (surname, given names, nationality, date of birth, sex, place of
 *    birth), e.g. "Name/Vorname/Staatsangehörigkeit/Geburtsdatum",
 *    "Nom/Prénoms/Nationalité/Date de naissance/Sexe", "Apellidos/
 *    Nombre/Nacionalidad/Fecha de nacimiento/Sexo", "Cognome/Nome/
 *    Cittadinanza/Data di nascita/Sesso", "Sobrenome/Nome/
 *    Nacionalidade/Data de nascimento/Sexo", "Naam/Voornamen/
 *    Nationaliteit/Geboortedatum/Geslacht", "Фамилия/Имя/Гражданство/
 *    Дата рождения/Пол", "Soyadı/Adı/Uyruğu/Doğum tarihi/Cinsiyeti",
 *    "Nazwisko/Imiona/Obywatelstwo/Data urodzenia/Płeć", "Nama/
 *    Kewarganegaraan/Tanggal lahir/Jenis kelamin", "Họ và tên/Quốc
 *    tịch/Ngày sinh/Giới tính", "الاسم/الجنسية/تاريخ الميلاد/الجنس",
 *    "氏名/国籍/生年月日/性別", "성명/국적/생년월일/성별";
 *  - national forms and registers for the rest: the German Meldeschein
 *    and Personalausweis (Anschrift, Postleitzahl, Kennzeichen), the
 *    French CERFA forms (adresse, code postal, immatriculation, numéro
 *    de sécurité sociale), the Spanish DNI and DGT forms (domicilio,
 *    código postal, matrícula), the Italian codice fiscale and
 *    carta d'identità (indirizzo, targa), the Brazilian CPF/RG/CNH and
 *    Correios forms (endereço, CEP, placa, chassi), the Dutch BRP and
 *    RDW (adres, postcode, kenteken, BSN), the Russian паспорт РФ and
 *    ГИБДД forms (адрес, индекс, госномер, СНИЛС, ИНН), the Turkish
 *    nüfus cüzdanı (T.C. kimlik no), the Polish dowód osobisty (PESEL,
 *    kod pocztowy, numer rejestracyjny), the Indonesian KTP (NIK,
 *    alamat, agama, golongan darah), the Vietnamese CCCD (số CCCD, quê
 *    quán, dân tộc, tôn giáo), the Japanese 住民票 and マイナンバー forms
 *    and the Korean 주민등록 forms.
 * Keys are in lexicon.c's normal form: Latin letters without
 * diacritics (ß as ss), lower case, no separators; Cyrillic lower case;
 * Arabic without the article ال; CJK as written. Words shared by several
 * languages ("telefon", "adres", "nome") appear once. */

/* a person is meant: a name with one of these is a person's name */
#define NP (H_NAME | AJAR_H_PERSON)
#define PR(k)         {k, AJAR_H_PERSON, 0, 0}        /* a role: buyer, cliente */
#define NH(k, h)      {k, h, LX_NAMEHEAD, 0}          /* "name" in a language */
#define AH(k)         {k, H_AD, LX_ADDRHEAD, 0}       /* "address" in a language */
#define G(k, h)       {k, h, LX_GENERIC, 0}           /* number, nummer, datum */
#define PT(k)         {k, 0, LX_PART, 0}              /* de, del, di, van */
#define MP(k)         {k, AJAR_H_PERSON, LX_MOD, 0}   /* full, complet: a whole person's name */

/* roles: who a record is about (English and every language below) */
static const struct lx_field roles[] = {
  PR("buyer"),      PR("seller"),     PR("guest"),      PR("passenger"),
  PR("recipient"),  PR("sender"),     PR("employee"),   PR("member"),
  PR("student"),    PR("teacher"),    PR("applicant"),  PR("beneficiary"),
  PR("traveler"),   PR("traveller"),  PR("visitor"),
  PR("consignee"),  PR("shipper"),    PR("payer"),      PR("payee"),
  PR("subscriber"), PR("insured"),    PR("policyholder"), PR("spouse"),
  PR("father"),     PR("mother"),     PR("parent"),     PR("child"),
  PR("arzt"),       PR("arts"),       PR("medico"),     PR("medecin"),
  PR("lekarz"),     PR("doktor"),     PR("dokter"),     PR("bacsi"),
  PR("врач"),       PR("طبيب"),
  PR("emergency"),  PR("kin"),        PR("witness"),    PR("suspect"),
  PR("victim"),     PR("doctor"),     PR("physician"),  PR("nurse"),
  PR("buyers"),     PR("manager"),    PR("staff"),
  PR("author"),     PR("signer"),     PR("debtor"),     PR("borrower"),
  PR("citizen"),    PR("resident"),   PR("worker"),
  /* who teaches, trains or advises the person a record is about (school,
   * training and care records: a Dutch pupil's mentor, a student's
   * tutor), in English and the languages below */
  PR("mentor"),     PR("tutor"),      PR("advisor"),    PR("adviser"),
  PR("coach"),      PR("supervisor"), PR("instructor"), PR("counselor"),
  PR("counsellor"), PR("lecturer"),   PR("docent"),     PR("leraar"),
  PR("begeleider"), PR("lehrer"),     PR("betreuer"),   PR("ausbilder"),
  PR("professeur"), PR("enseignant"), PR("tuteur"),     PR("formateur"),
  PR("profesor"),   PR("entrenador"), PR("insegnante"), PR("docente"),
  PR("allenatore"), PR("tutore"),     PR("orientador"), PR("treinador"),
  /* German */
  PR("kunde"),      PR("kaufer"),     PR("kaeufer"),    PR("gast"),
  PR("fahrer"),     PR("mitarbeiter"), PR("empfanger"), PR("empfaenger"),
  PR("absender"),   PR("mieter"),     PR("benutzer"),   PR("nutzer"),
  PR("inhaber"),    PR("halter"),     PR("antragsteller"), PR("versicherter"),
  /* French */
  PR("acheteur"),   PR("utilisateur"), PR("voyageur"),  PR("passager"),
  PR("destinataire"), PR("expediteur"), PR("employe"),  PR("titulaire"),
  PR("conducteur"), PR("locataire"),  PR("eleve"),      PR("adherent"),
  /* Spanish, Italian, Portuguese */
  PR("cliente"),    PR("usuario"),    PR("comprador"),  PR("pasajero"),
  PR("conductor"),  PR("empleado"),   PR("paciente"),   PR("titular"),
  PR("destinatario"), PR("remitente"), PR("huesped"),   PR("alumno"),
  PR("utente"),     PR("acquirente"), PR("ospite"),     PR("passeggero"),
  PR("autista"),    PR("dipendente"), PR("paziente"),   PR("mittente"),
  PR("intestatario"), PR("passageiro"), PR("motorista"), PR("funcionario"),
  PR("hospede"),    PR("remetente"),  PR("aluno"),
  /* Dutch */
  PR("klant"),      PR("gebruiker"),  PR("koper"),      PR("passagier"),
  PR("bestuurder"), PR("werknemer"),  PR("ontvanger"),  PR("afzender"),
  PR("huurder"),    PR("houder"),     PR("leerling"),
  /* Turkish, Polish, Indonesian, Vietnamese (ASCII) */
  PR("musteri"),    PR("kullanici"),  PR("yolcu"),      PR("surucu"),
  PR("calisan"),    PR("hasta"),      PR("alici"),      PR("gonderen"),
  PR("klient"),     PR("uzytkownik"), PR("pasazer"),    PR("kierowca"),
  PR("pracownik"),  PR("pacjent"),    PR("odbiorca"),   PR("nadawca"),
  PR("pelanggan"),  PR("pengguna"),   PR("penumpang"),  PR("pengemudi"),
  PR("karyawan"),   PR("pasien"),     PR("penerima"),   PR("pengirim"),
  PR("pembeli"),    PR("khachhang"),  PR("nguoidung"),  PR("nhanvien"),
  PR("benhnhan"),   PR("nguoinhan"),
  /* Russian */
  PR("клиент"),     PR("пользователь"), PR("пассажир"), PR("водитель"),
  PR("сотрудник"),  PR("пациент"),    PR("покупатель"), PR("получатель"),
  PR("отправитель"), PR("владелец"),
  /* Arabic (without the article) */
  PR("عميل"),       PR("مستخدم"),     PR("مريض"),       PR("موظف"),
  PR("مسافر"),      PR("سائق"),
  /* modifiers that make a name a whole person's */
  MP("complet"),    MP("complete"),   MP("completo"),   MP("volledige"),
  MP("voller"),     MP("vollstandiger"), MP("lengkap"),  MP("polnoe"),
  MP("полное"),
  /* particles between a head and its qualifier */
  PT("de"),  PT("del"),  PT("della"), PT("dello"), PT("di"),  PT("du"),
  PT("des"), PT("do"),   PT("da"),    PT("dos"),   PT("das"), PT("la"),
  PT("le"),  PT("el"),   PT("van"),   PT("von"),   PT("der"), PT("het"),
  PT("of"),  PT("the"),  PT("d"),     PT("l"),
  /* heads that say nothing alone */
  G("nummer", 0), G("numero", 0), G("nr", 0), G("nomor", 0), G("numer", 0),
  G("numara", 0), G("numarasi", 0), G("номер", 0), G("رقم", 0), G("so", 0),
  G("data", 0), G("datum", H_TIME), G("fecha", H_TIME), G("tarih", H_TIME),
  G("tarihi", H_TIME), G("tanggal", H_TIME), G("ngay", H_TIME), G("дата", H_TIME),
  G("تاريخ", H_TIME), G("kod", 0), G("kodu", 0), G("codigo", 0), G("codice", 0),
  G("kode", 0), G("ma", 0), G("nummern", 0),
};

/* German */
static const struct lx_field de_fields[] = {
  E("vorname", NP),        E("vornamen", NP),       E("nachname", NP),
  E("familienname", NP),   E("geburtsname", NP),    E("rufname", NP),
  E("zuname", NP),         E("geburt", H_AGE),      E("geburtsdatum", H_AGE),
  E("geburtstag", H_AGE),  E("geburtsjahr", H_AGE), E("geburtsort", H_DEM),
  W("alter", H_AGE),       E("geschlecht", H_GEN),  E("staatsangehorigkeit", H_DEM),
  E("staatsangehoerigkeit", H_DEM), E("nationalitat", H_DEM), E("familienstand", H_DEM),
  E("telefon", H_PH),      E("telefonnummer", H_PH), E("handy", H_PH),
  E("handynummer", H_PH),  E("mobilnummer", H_PH),  E("rufnummer", H_PH),
  E("anschrift", H_AD),    AH("adresse"),           Q("strasse", H_AD),
  E("hausnummer", H_AD),   E("plz", H_AD),          E("postleitzahl", H_AD),
  E("wohnort", H_AD),      Q("stadt", H_AD),        E("wohnanschrift", H_AD),
  W("ort", H_AD),
  E("personalausweis", H_NID), E("ausweis", H_NID), E("ausweisnummer", H_NID),
  E("steuernummer", H_NID), E("reisepass", H_PP),   E("passnummer", H_PP),
  E("kennzeichen", H_PL),  E("kfzkennzeichen", H_PL), E("amtlicheskennzeichen", H_PL),
  E("fahrgestellnummer", H_VIN), E("kartennummer", H_CARD), E("kreditkarte", H_CARD),
  E("kreditkartennummer", H_CARD), E("kontonummer", H_IBAN), E("passwort", H_SEC),
  E("kennwort", H_SEC),    E("breitengrad", H_LOC), E("langengrad", H_LOC),
  E("konfession", H_REL),  E("religionszugehorigkeit", H_REL),
  E("diagnose", H_HEA),    E("krankheit", H_HEA),   E("blutgruppe", H_HEA),
  E("gesicht", H_FACE),    Q("bild", H_PHO),        Q("foto", H_PHO),
  E("zeit", H_TIME),       E("zeitstempel", H_TIME), E("uhrzeit", H_TIME),
  Q("datei", 0),           Q("produkt", 0),         Q("firma", 0),
  Q("firmen", 0),          Q("rechner", 0),         Q("gerat", 0),
  Q("geraet", 0),          Q("artikel", 0),         Q("ware", 0),
  Q("unternehmen", 0),     Q("dienst", 0),          Q("konto", 0),
  E("fahrzeug", 0),        E("privat", 0),          E("kfz", 0),
};

/* French */
static const struct lx_field fr_fields[] = {
  NH("nom", H_NAME),       E("prenom", NP),         E("prenoms", NP),
  E("nomdefamille", NP),   E("nomcomplet", NP),     E("naissance", H_AGE),
  E("datedenaissance", H_AGE), E("lieudenaissance", H_DEM), E("sexe", H_GEN),
  W("genre", H_GEN),       E("nationalite", H_DEM), E("situationfamiliale", H_DEM),
  E("courriel", H_EM),     E("adresseelectronique", H_EM), W("mel", H_EM),
  W("portable", H_PH),     E("numerodetelephone", H_PH), E("rue", H_AD),
  E("codepostal", H_AD),   Q("ville", H_AD),        E("domicile", H_AD),
  E("securitesociale", H_NID), E("numerosecu", H_NID), E("carteidentite", H_NID),
  E("passeport", H_PP),    E("immatriculation", H_PL), E("plaque", H_PL),
  E("motdepasse", H_SEC),  E("diagnostic", H_HEA),  E("maladie", H_HEA),
  E("groupesanguin", H_HEA), E("visage", H_FACE),   E("heure", H_TIME),
  Q("fichier", 0),         Q("produit", 0),         Q("entreprise", 0),
  Q("societe", 0),         Q("serveur", 0),         Q("hote", 0),
  Q("article", 0),         Q("appareil", 0),
};

/* Spanish, Italian, Portuguese (shared words once) */
static const struct lx_field romance_fields[] = {
  NH("nombre", H_NAME),    E("apellido", NP),       E("apellidos", NP),
  E("nombrecompleto", NP), E("nombreyapellidos", NP), E("nacimiento", H_AGE),
  E("fechadenacimiento", H_AGE), E("fechanacimiento", H_AGE), E("edad", H_AGE),
  E("sexo", H_GEN),        E("genero", H_GEN),      E("nacionalidad", H_DEM),
  E("estadocivil", H_DEM), E("correo", H_EM),       E("correoelectronico", H_EM),
  E("telefono", H_PH),     E("movil", H_PH),        E("celular", H_PH),
  AH("direccion"),         E("domicilio", H_AD),    Q("calle", H_AD),
  E("codigopostal", H_AD), Q("ciudad", H_AD),       E("pasaporte", H_PP),
  E("matricula", H_PL),    E("placa", H_PL),        E("contrasena", H_SEC),
  E("latitud", H_LOC),     W("longitud", H_LOC),    E("diagnostico", H_HEA),
  E("enfermedad", H_HEA),  E("gruposanguineo", H_HEA), E("rostro", H_FACE),
  E("hora", H_TIME),       Q("archivo", 0),         Q("producto", 0),
  Q("empresa", 0),         Q("servidor", 0),        Q("equipo", 0),

  NH("nome", H_NAME),      E("cognome", NP),        E("nomecognome", NP),
  E("nominativo", NP),     E("nascita", H_AGE),     E("datadinascita", H_AGE),
  E("datanascita", H_AGE), E("luogodinascita", H_DEM), W("eta", H_AGE),
  E("sesso", H_GEN),       E("nazionalita", H_DEM), E("cittadinanza", H_DEM),
  E("postaelettronica", H_EM), E("cellulare", H_PH), AH("indirizzo"),
  E("residenza", H_AD),    E("codicepostale", H_AD), E("passaporto", H_PP),
  E("targa", H_PL),        E("telaio", H_VIN),      E("parolachiave", H_SEC),
  E("latitudine", H_LOC),  E("longitudine", H_LOC), E("religione", H_REL),
  E("diagnosi", H_HEA),    E("malattia", H_HEA),    E("grupposanguigno", H_HEA),
  E("volto", H_FACE),      Q("prodotto", 0),        Q("azienda", 0),
  Q("societa", 0),         Q("articolo", 0),        Q("dispositivo", 0),

  E("sobrenome", NP),      E("apelido", NP),        E("nomecompleto", NP),
  E("nascimento", H_AGE),  E("datadenascimento", H_AGE), E("datanascimento", H_AGE),
  E("idade", H_AGE),       E("nacionalidade", H_DEM), E("naturalidade", H_DEM),
  E("telefone", H_PH),     AH("endereco"),          E("morada", H_AD),
  Q("rua", H_AD),          E("cep", H_AD),          Q("cidade", H_AD),
  E("logradouro", H_AD),   Q("bairro", H_AD),
  W("rg", H_NID),          E("cnh", H_NID),         E("passaporte", H_PP),
  E("chassi", H_VIN),      E("senha", H_SEC),       E("religiao", H_REL),
  E("doenca", H_HEA),      E("tiposanguineo", H_HEA), E("rosto", H_FACE),
  Q("arquivo", 0),         Q("produto", 0),
};

/* Dutch */
static const struct lx_field nl_fields[] = {
  NH("naam", H_NAME),      E("voornaam", NP),       E("voornamen", NP),
  E("achternaam", NP),     E("geslachtsnaam", NP),  E("geboorte", H_AGE),
  E("geboortedatum", H_AGE), E("geboorteplaats", H_DEM), E("leeftijd", H_AGE),
  E("geslacht", H_GEN),    E("nationaliteit", H_DEM), E("burgerlijkestaat", H_DEM),
  E("emailadres", H_EM),   E("telefoon", H_PH),     E("telefoonnummer", H_PH),
  E("mobiel", H_PH),       E("mobielnummer", H_PH), AH("adres"),
  Q("straat", H_AD),       E("huisnummer", H_AD),   E("woonplaats", H_AD),
  E("paspoort", H_PP),     E("paspoortnummer", H_PP), E("kenteken", H_PL),
  E("chassisnummer", H_VIN), E("rekeningnummer", H_IBAN), E("wachtwoord", H_SEC),
  E("breedtegraad", H_LOC), E("lengtegraad", H_LOC), E("godsdienst", H_REL),
  E("religie", H_REL),     E("ziekte", H_HEA),      E("bloedgroep", H_HEA),
  E("gezicht", H_FACE),    E("tijd", H_TIME),       Q("bestand", 0),
  Q("bedrijf", 0),         Q("apparaat", 0),
};

/* Turkish, Polish, Indonesian, Vietnamese (ASCII after folding) */
static const struct lx_field tr_pl_id_vi_fields[] = {
  /* Turkish */
  W("ad", H_NAME),         NH("adi", H_NAME),       NH("isim", H_NAME),
  NH("ismi", H_NAME),      E("soyad", NP),          E("soyadi", NP),
  E("adsoyad", NP),        E("adisoyadi", NP),      E("dogum", H_AGE),
  E("dogumtarihi", H_AGE), E("dogumyeri", H_DEM),   W("yas", H_AGE),
  E("cinsiyet", H_GEN),    E("cinsiyeti", H_GEN),   E("uyruk", H_DEM),
  E("uyrugu", H_DEM),      E("medenihal", H_DEM),   E("eposta", H_EM),
  E("ceptelefonu", H_PH),  E("gsm", H_PH),          E("postakodu", H_AD),
  E("tckimlikno", H_NID),  E("tckn", H_NID),        E("tcno", H_NID),
  E("kimlik", H_NID),      E("kimlikno", H_NID),    E("pasaport", H_PP),
  E("plaka", H_PL),        E("sasino", H_VIN),      E("sifre", H_SEC),
  E("parola", H_SEC),      E("enlem", H_LOC),       E("boylam", H_LOC),
  W("din", H_REL),         E("teshis", H_HEA),      E("hastalik", H_HEA),
  E("kangrubu", H_HEA),    E("saat", H_TIME),       Q("dosya", 0),
  Q("urun", 0),            Q("sirket", 0),          Q("sunucu", 0),
  /* Polish */
  E("imie", NP),           E("imiona", NP),         E("nazwisko", NP),
  E("imieinazwisko", NP),  E("imienazwisko", NP),   E("urodzenia", H_AGE),
  E("dataurodzenia", H_AGE), E("miejsceurodzenia", H_DEM), E("wiek", H_AGE),
  E("plec", H_GEN),        E("obywatelstwo", H_DEM), E("narodowosc", H_DEM),
  E("komorka", H_PH),      E("kodpocztowy", H_AD),  Q("ulica", H_AD),
  Q("miasto", H_AD),       E("nip", H_NID),         E("dowodosobisty", H_NID),
  E("paszport", H_PP),     E("numerrejestracyjny", H_PL), E("tablicarejestracyjna", H_PL),
  E("haslo", H_SEC),       E("szerokoscgeograficzna", H_LOC), E("dlugoscgeograficzna", H_LOC),
  E("wyznanie", H_REL),    E("religia", H_REL),     E("diagnoza", H_HEA),
  E("choroba", H_HEA),     E("grupakrwi", H_HEA),   E("twarz", H_FACE),
  Q("plik", 0),
  /* Indonesian */
  NH("nama", H_NAME),      E("namalengkap", NP),    E("lahir", H_AGE),
  E("tanggallahir", H_AGE), E("tempatlahir", H_DEM), E("umur", H_AGE),
  E("usia", H_AGE),        E("jeniskelamin", H_GEN), E("kelamin", H_GEN),
  E("kewarganegaraan", H_DEM), E("surel", H_EM),    E("telepon", H_PH),
  E("telp", H_PH),         E("nohp", H_PH),         W("hp", H_PH),
  E("ponsel", H_PH),       AH("alamat"),            E("kodepos", H_AD),
  E("nik", H_NID),         E("ktp", H_NID),         E("noktp", H_NID),
  E("npwp", H_NID),        E("paspor", H_PP),       E("platnomor", H_PL),
  E("nopol", H_PL),        E("nomorpolisi", H_PL),  E("katasandi", H_SEC),
  E("sandi", H_SEC),       E("lintang", H_LOC),     E("bujur", H_LOC),
  E("agama", H_REL),       E("suku", H_ETH),        E("penyakit", H_HEA),
  E("golongandarah", H_HEA), E("waktu", H_TIME),    Q("berkas", 0),
  Q("produk", 0),          Q("perusahaan", 0),
  /* Vietnamese */
  E("hoten", NP),          E("hovaten", NP),        NH("ten", H_NAME),
  E("ngaysinh", H_AGE),    E("namsinh", H_AGE),     E("tuoi", H_AGE),
  E("gioitinh", H_GEN),    E("quoctich", H_DEM),    E("dantoc", H_ETH),
  E("tongiao", H_REL),     E("thudientu", H_EM),    E("sodienthoai", H_PH),
  E("dienthoai", H_PH),    E("sdt", H_PH),          E("diachi", H_AD),
  E("quequan", H_AD),      E("mabuuchinh", H_AD),   E("cmnd", H_NID),
  E("cccd", H_NID),        E("cancuoc", H_NID),     E("hochieu", H_PP),
  E("biensoxe", H_PL),     E("bienso", H_PL),       E("matkhau", H_SEC),
  E("vido", H_LOC),        E("kinhdo", H_LOC),      E("chandoan", H_HEA),
  E("nhommau", H_HEA),     E("thoigian", H_TIME),   Q("tep", 0),
  Q("sanpham", 0),         Q("congty", 0),
};

/* Russian and Arabic (Cyrillic lower case; Arabic without al-) */
static const struct lx_field ru_ar_fields[] = {
  E("имя", NP),            E("фамилия", NP),        E("отчество", NP),
  E("фио", NP),            E("рождения", H_AGE),    E("датарождения", H_AGE),
  E("возраст", H_AGE),     W("пол", H_GEN),         E("гражданство", H_DEM),
  E("национальность", H_ETH), E("почта", H_EM),     E("электроннаяпочта", H_EM),
  E("телефон", H_PH),      E("мобильный", H_PH),    E("адрес", H_AD),
  W("индекс", H_AD),       E("почтовыйиндекс", H_AD), E("паспорт", H_PP),
  E("снилс", H_NID),       E("инн", H_NID),         E("госномер", H_PL),
  E("номерной", H_PL),     E("пароль", H_SEC),      E("широта", H_LOC),
  E("долгота", H_LOC),     E("координаты", H_LOC),  E("религия", H_REL),
  E("вероисповедание", H_REL), E("диагноз", H_HEA), E("заболевание", H_HEA),
  E("группакрови", H_HEA), E("лицо", H_FACE),       E("фото", H_PHO),
  E("время", H_TIME),      Q("файл", 0),            Q("продукт", 0),
  Q("товар", 0),           Q("компания", 0),        Q("сервер", 0),
  NH("اسم", H_NAME),       E("لقب", NP),            E("ميلاد", H_AGE),
  E("عمر", H_AGE),         E("جنس", H_GEN),         E("جنسية", H_DEM),
  E("بريد", H_EM),         E("هاتف", H_PH),         E("جوال", H_PH),
  E("موبايل", H_PH),       AH("عنوان"),             E("رمزبريدي", H_AD),
  E("هوية", H_NID),        E("جواز", H_PP),         E("لوحة", H_PL),
  E("كلمةمرور", H_SEC),    E("كلمةسر", H_SEC),      E("خطعرض", H_LOC),
  E("خططول", H_LOC),       E("دين", H_REL),         E("ديانة", H_REL),
  E("تشخيص", H_HEA),       E("مرض", H_HEA),         E("فصيلةدم", H_HEA),
  E("وجه", H_FACE),        E("صورة", H_PHO),        E("وقت", H_TIME),
  Q("ملف", 0),             Q("منتج", 0),            Q("شركة", 0),
};

/* Japanese and Korean (exact; the needles below catch compounds) */
static const struct lx_field ja_ko_fields[] = {
  E("氏名", NP),            E("名前", NP),            E("お名前", NP),
  E("フリガナ", NP),        E("ふりがな", NP),        E("姓", NP),
  E("生年月日", H_AGE),     E("誕生日", H_AGE),       E("年齢", H_AGE),
  E("性別", H_GEN),         E("電話番号", H_PH),      E("携帯電話", H_PH),
  E("携帯番号", H_PH),      E("電話", H_PH),          E("メールアドレス", H_EM),
  E("メール", H_EM),        E("住所", H_AD),          E("郵便番号", H_AD),
  E("旅券番号", H_PP),      E("パスポート番号", H_PP), E("パスポート", H_PP),
  E("マイナンバー", H_NID), E("個人番号", H_NID),     E("運転免許証番号", H_NID),
  E("ナンバープレート", H_PL), E("車両番号", H_PL),   E("登録番号", H_PL),
  E("車台番号", H_VIN),     E("パスワード", H_SEC),   E("暗証番号", H_SEC),
  E("緯度", H_LOC),         E("経度", H_LOC),         E("位置情報", H_LOC),
  E("顔写真", H_PHO | H_FACE), E("病名", H_HEA),      E("既往歴", H_HEA),
  E("血液型", H_HEA),       E("日時", H_TIME),        E("作成日時", H_TIME),

  E("이름", NP),            E("성명", NP),            E("고객명", NP),
  E("名", NP),              E("성", NP),              E("名字", NP),
  E("담당의", AJAR_H_PERSON), E("주치의", AJAR_H_PERSON), E("担当医", AJAR_H_PERSON),
  E("主治医生", AJAR_H_PERSON), E("医生", AJAR_H_PERSON), E("主治医", AJAR_H_PERSON),
  E("생년월일", H_AGE),     E("생일", H_AGE),         E("나이", H_AGE),
  E("연령", H_AGE),         E("성별", H_GEN),         E("국적", H_DEM),
  E("이메일", H_EM),        E("전자우편", H_EM),      E("전화번호", H_PH),
  E("휴대폰", H_PH),        E("휴대전화", H_PH),      E("핸드폰", H_PH),
  E("연락처", H_PH),        E("주소", H_AD),          E("우편번호", H_AD),
  E("주민등록번호", H_NID), E("주민번호", H_NID),     E("외국인등록번호", H_NID),
  E("운전면허번호", H_NID), E("여권번호", H_PP),      E("여권", H_PP),
  E("차량번호", H_PL),      E("번호판", H_PL),        E("차대번호", H_VIN),
  E("카드번호", H_CARD),    E("계좌번호", H_IBAN),    E("비밀번호", H_SEC),
  E("암호", H_SEC),         E("위도", H_LOC),         E("경도", H_LOC),
  E("종교", H_REL),         E("민족", H_ETH),         E("진단", H_HEA),
  E("병명", H_HEA),         E("혈액형", H_HEA),       E("얼굴", H_FACE),
  E("사진", H_PHO),         E("시간", H_TIME),        E("일시", H_TIME),
};

/* face analysis in the lexicon's languages (the attribute names of the
 * face-analysis APIs' localised documentation: glasses, mask, beard,
 * smile; "estimated" before age or gender makes a face attribute) */
static const struct lx_field face_fields[] = {
  E("brille", H_FATTR),     E("sonnenbrille", H_FATTR), HD("maske", H_FATTR),
  E("bart", H_FATTR),       E("lacheln", H_FATTR),    E("lunettes", H_FATTR),
  HD("masque", H_FATTR),    E("barbe", H_FATTR),      E("sourire", H_FATTR),
  E("gafas", H_FATTR),      HD("mascarilla", H_FATTR), E("barba", H_FATTR),
  E("sonrisa", H_FATTR),    E("occhiali", H_FATTR),   HD("mascherina", H_FATTR),
  E("sorriso", H_FATTR),    E("oculos", H_FATTR),     E("bril", H_FATTR),
  HD("mondkapje", H_FATTR), E("baard", H_FATTR),      E("glimlach", H_FATTR),
  E("okulary", H_FATTR),    E("gozluk", H_FATTR),     E("kacamata", H_FATTR),
  E("очки", H_FATTR),       E("маска", H_FATTR),      E("борода", H_FATTR),
  E("眼镜", H_FATTR),       E("口罩", H_FATTR),       E("胡子", H_FATTR),
  E("メガネ", H_FATTR),     E("マスク", H_FATTR),     E("안경", H_FATTR),
  E("마스크", H_FATTR),
  /* "estimated" and its abbreviation in the lexicon's languages (the
   * participles of the verbs for "estimate"; German ae/oe/ue spellings
   * are read by lexicon.c's umlaut rule): with an age or a gender they
   * make a face attribute, alone nothing (lexicon.c) */
  EST("estimated"), EST("estimate"), EST("est"), EST("predicted"),
  EST("geschatzt"), EST("geschatzte"), EST("geschatztes"), EST("geschatzter"),
  EST("stimata"),   EST("stimato"),   EST("estime"),    EST("estimee"),
  EST("estimada"),  EST("estimado"),  EST("estimativa"), EST("estimativo"),
  EST("geschat"),   EST("geschatte"), EST("tahmini"),   EST("szacowany"),
  EST("szacowana"), EST("perkiraan"), 
  HD("merkmale", H_EMB),    HD("merkmal", H_EMB),     HD("vettore", H_EMB),
  HD("vecteur", H_EMB),     HD("vektor", H_EMB),      HD("vetor", H_EMB),
  HD("mascara", H_FATTR),   /* máscara (pt/es: mask) */
  /* the word for country in the lexicon's languages: what a demographic
   * word before or after it means (lexicon.c); alone they say nothing */
  CTRY("land"),     CTRY("pays"),     CTRY("pais"),     CTRY("paese"),
  CTRY("ulke"),     CTRY("ulkesi"),   CTRY("kraj"),     CTRY("negara"),
  CTRY("quocgia"),  CTRY("страна"),   CTRY("بلد"),      CTRY("دولة"),
  /* English "identification (number)" and its cognates: a national id
   * (tax identification number, Identifikationsnummer, número de
   * identificación) */
  E("identification", H_NID), E("identifikation", H_NID),
  E("identificacion", H_NID), E("identificazione", H_NID),
  E("identificacao", H_NID),  E("identificatie", H_NID),
  /* DVLA (UK): "vehicle registration number", "reg number" for short;
   * Vahan (India): the registration certificate's "RC number" */
  E("vehiclereg", H_PL),    E("vehicleregistration", H_PL),
  W("regno", H_PL),         W("regnumber", H_PL),   E("rcnumber", H_PL),
  W("rcno", H_PL),
  E("pubblicitario", H_ADV), E("pubblicitaria", H_ADV),
  /* blood in the Romance languages, pinyin and Arabic: a blood group
   * field (tipo_sangue, groupe sanguin, grupo sanguíneo, xuèxíng, فصيلة
   * الدم; dictionary words; the other languages' are above) */
  E("sangue", H_HEA),       E("sangre", H_HEA),       E("sanguin", H_HEA),
  E("sanguino", H_HEA),     E("sanguineo", H_HEA),    E("xuexing", H_HEA),
  E("فصيلةالدم", H_HEA),
  E("mac주소", H_MAC),      E("ip주소", H_IP),        E("macアドレス", H_MAC),
  E("ipアドレス", H_IP),    E("病历号", 0),           E("病案号", 0),
  E("publicidad", H_ADV),   E("publicitaire", H_ADV), E("publicitario", H_ADV),
  E("werbe", H_ADV),        E("werbung", H_ADV),      E("anuncio", H_ADV),
  E("anuncios", H_ADV),     E("publicidade", H_ADV),  E("pubblicita", H_ADV),
  E("reclame", H_ADV),      E("advertentie", H_ADV),  E("reklam", H_ADV),
  E("reklama", H_ADV),      E("iklan", H_ADV),        E("quangcao", H_ADV),
  E("реклама", H_ADV),      E("広告", H_ADV),         E("광고", H_ADV),
  E("广告", H_ADV),         W("mdp", H_SEC),          W("clave", H_SEC),
  W("dx", H_HEA),           E("dxcode", H_HEA),       G("schlussel", 0),
  /* ICAO Doc 9303 calls a passport a machine readable travel document */
  E("traveldocument", H_PP),
};

const struct lx_needle lx_cjk_needles[] = {
  {"串号", AJAR_H_IMEI},
  {"身份证", H_NID},  {"证件号", H_NID},  {"护照", H_PP},    {"姓名", H_NAME},
  {"性别", H_GEN},    {"出生", H_AGE},    {"年龄", H_AGE},   {"国籍", H_DEM},
  {"手机", H_PH},     {"电话", H_PH},     {"邮箱", H_EM},    {"电子邮件", H_EM},
  {"地址", H_AD},     {"住址", H_AD},     {"车牌", H_PL},    {"号牌号码", H_PL},
  {"车架号", H_VIN},  {"民族", H_ETH},    {"宗教", H_REL},   {"政治面貌", H_POL},
  {"病史", H_HEA},    {"疾病", H_HEA},    {"病情", H_HEA},   {"病历", H_HEA},
  {"诊断", H_HEA},    {"人脸", H_FACE},   {"人像", H_FACE},  {"照片", H_PHO},
  {"图片", H_PHO},    {"特征", H_EMB},    {"时间", H_TIME},  {"日期", H_TIME},
  {"卡口", H_PLA},    {"摄像", H_PLA},    {"点位", H_PLA},   {"经度", H_LOC},
  {"纬度", H_LOC},    {"坐标", H_LOC},    {"位置", H_LOC},    {"密码", H_SEC},   {"银行卡", H_CARD},
  {"姓名", H_NAME | AJAR_H_PERSON}, {"邮编", H_AD},   {"邮政编码", H_AD},
  {"口罩", H_FATTR},  {"眼镜", H_FATTR},  {"墨镜", H_FATTR},   {"胡子", H_FATTR},
  {"微笑", H_FATTR},  {"帽子", H_FATTR},  {"マスク", H_FATTR},
  /* 广告 advertising, 血型 blood group (dictionary words) */
  {"广告", H_ADV},    {"血型", H_HEA},
  {"メガネ", H_FATTR}, {"眼鏡", H_FATTR}, {"마스크", H_FATTR}, {"안경", H_FATTR},
  /* Japanese */
  {"氏名", NP},       {"名前", NP},       {"生年月日", H_AGE}, {"誕生", H_AGE},
  {"性別", H_GEN},    {"電話", H_PH},     {"携帯", H_PH},      {"メール", H_EM},
  {"住所", H_AD},     {"郵便", H_AD},     {"旅券", H_PP},      {"パスポート", H_PP},
  {"パスワード", H_SEC}, {"暗証", H_SEC}, {"緯度", H_LOC},     {"経度", H_LOC},
  {"国籍", H_DEM},    {"ナンバー", H_PL},
  /* 年齢 age, 病名 name of a disease, 診断 diagnosis, 血液型 blood group,
   * 顔 face, 特徴 feature (dictionary words) */
  {"年齢", H_AGE},    {"病名", H_HEA},
  {"診断", H_HEA},    {"血液型", H_HEA},    {"顔", H_FACE},    {"特徴", H_EMB},
  /* Korean */
  {"이름", NP},       {"성명", NP},       {"생년월일", H_AGE}, {"성별", H_GEN},
  {"전화", H_PH},     {"휴대", H_PH},     {"메일", H_EM},      {"주소", H_AD},
  {"우편번호", H_AD}, {"주민등록", H_NID}, {"여권", H_PP},     {"차량번호", H_PL},
  {"비밀번호", H_SEC}, {"위도", H_LOC},   {"경도", H_LOC},     {"국적", H_DEM},
  /* 나이 age, 진단 diagnosis, 상병 illness or injury (the 상병코드 of
   * Korea's KCD, its ICD-10), 질병 disease, 혈액형 blood group, 얼굴
   * face, 특징 feature (dictionary words) */
  {"나이", H_AGE},    {"진단", H_HEA},    {"상병", H_HEA},     {"질병", H_HEA},
  {"혈액형", H_HEA},  {"얼굴", H_FACE},   {"특징", H_EMB},
};
const size_t lx_cjk_needle_count = COUNT(lx_cjk_needles);

/* places that observe people: the words for camera and checkpoint in the
 * lexicon's languages (common dictionary translations; Wiktionary's
 * "camera" and "checkpoint" entries), so a capture table in any of them
 * has its place (docs/report.md, Profiles) */
static const struct lx_field place_fields[] = {
  Q("kamera", H_PLA),        Q("kameraid", H_PLA),       Q("telecamera", H_PLA),
  Q("videocamera", H_PLA),   Q("camara", H_PLA),         Q("blitzer", H_PLA),
  Q("kontrollpunkt", H_PLA), Q("kontrollstelle", H_PLA), Q("controlepunt", H_PLA),
  Q("checkpunt", H_PLA),     Q("varco", H_PLA),          Q("kontrolnoktasi", H_PLA),
  Q("punktkontrolny", H_PLA), Q("poskontrol", H_PLA),    Q("pospemeriksaan", H_PLA),
  Q("pointdecontrole", H_PLA), Q("postedecontrole", H_PLA), Q("puntodecontrol", H_PLA),
  Q("puntodicontrollo", H_PLA), Q("postodicontrollo", H_PLA), Q("pontodecontrole", H_PLA),
  Q("postodefiscalizacao", H_PLA), Q("камера", H_PLA),   Q("блокпост", H_PLA),
  Q("كاميرا", H_PLA),        Q("カメラ", H_PLA),         Q("検問所", H_PLA),
  Q("카메라", H_PLA),        Q("검문소", H_PLA),         Q("단속지점", H_PLA),
};

const struct lx_field_table lx_field_tables[] = {
  {en_person, COUNT(en_person)},     {en_contact, COUNT(en_contact)},
  {en_device, COUNT(en_device)},     {en_special, COUNT(en_special)},
  {en_other, COUNT(en_other)},       {en_qualifiers, COUNT(en_qualifiers)},
  {pinyin, COUNT(pinyin)},           {chinese, COUNT(chinese)},
  {roles, COUNT(roles)},             {de_fields, COUNT(de_fields)},
  {fr_fields, COUNT(fr_fields)},     {romance_fields, COUNT(romance_fields)},
  {nl_fields, COUNT(nl_fields)},     {tr_pl_id_vi_fields, COUNT(tr_pl_id_vi_fields)},
  {ru_ar_fields, COUNT(ru_ar_fields)}, {ja_ko_fields, COUNT(ja_ko_fields)},
  {face_fields, COUNT(face_fields)},   {place_fields, COUNT(place_fields)},
};
const size_t lx_field_table_count = COUNT(lx_field_tables);

/* ==== value vocabularies ============================================== */

/* The 56 recognised ethnic groups of China, with 族; bare forms only where
 * the bare word is unambiguous (not 汉/回/白/水/土/京 ..., not 朝鲜 (North
 * Korea), 俄罗斯 (Russia), 高山 (mountain), 保安 (guard), 布朗, 东乡). */
static const char *const v_ethnicity[] = {
  "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
  "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族",
  "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
  "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
  "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
  "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族",
  "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
  /* bare */
  "蒙古", "维吾尔", "布依", "土家", "哈尼", "哈萨克", "傈僳", "拉祜", "纳西",
  "景颇", "柯尔克孜", "达斡尔", "仫佬", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
  "普米", "塔吉克", "乌孜别克", "鄂温克", "德昂", "裕固", "塔塔尔", "独龙",
  "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
  /* English names; Han, Hui, Yi, Li, Dong, Yao, Bai, Dai, She, Sui, Tu, Nu,
   * Va, Gin, Korean, Russian left out: surnames, English words, nationalities */
  "han chinese", "mongol", "tibetan", "uyghur", "uighur", "uygur", "miao", "hmong",
  "zhuang", "buyei", "bouyei", "manchu", "tujia", "hani", "kazakh", "lisu",
  "gaoshan", "lahu", "dongxiang", "naxi", "jingpo", "kyrgyz", "kirghiz", "daur",
  "mulao", "qiang", "blang", "salar", "maonan", "gelao", "xibe", "achang",
  "pumi", "tajik", "uzbek", "evenki", "de'ang", "deang", "bonan", "yugur",
  "tatar", "derung", "oroqen", "hezhen", "monba", "lhoba", "jino",
  /* census-style values (bare White/Black/Asian left out: too generic) */
  "hispanic", "latino", "latina", "latinx", "hispanic or latino",
  "not hispanic or latino", "caucasian", "african american",
  "black or african american", "asian american", "pacific islander",
  "native hawaiian or other pacific islander", "native american",
  "american indian", "alaska native", "american indian or alaska native",
  "non hispanic white", "non hispanic black", "arab", "kurd", "romani",
};

static const char *const v_religion[] = {
  "muslim", "islam", "islamic", "christian", "christianity", "catholic",
  "roman catholic", "protestant", "orthodox", "eastern orthodox", "buddhist",
  "buddhism", "hindu", "hinduism", "jewish", "judaism", "sikh", "sikhism",
  "taoist", "taoism", "daoist", "daoism", "atheist", "atheism", "agnostic",
  "shia", "sunni", "shia muslim", "sunni muslim", "mormon", "evangelical",
  "jehovah's witness", "jehovahs witness", "falun gong", "falun dafa",
  "anglican", "lutheran", "methodist", "baptist", "pentecostal",
  "presbyterian", "jain", "jainism", "zoroastrian", "baha'i", "bahai", "shinto",
  "伊斯兰教", "伊斯兰", "穆斯林", "基督教", "基督徒", "天主教", "天主教徒",
  "佛教", "佛教徒", "道教", "无宗教信仰", "喇嘛教", "藏传佛教", "东正教",
  "法轮功", "新教", "犹太教",
};

static const char *const v_political[] = {
  "中共党员", "中国共产党党员", "中共预备党员", "共产党员", "党员", "共青团员",
  "团员", "群众", "民主党派", "无党派人士", "民革党员", "民盟盟员", "民建会员",
  "民进会员", "农工党党员", "致公党党员", "九三学社社员", "台盟盟员",
  "democrat", "democratic", "democratic party", "republican", "republican party",
  "labour", "labour party", "conservative", "conservative party", "tory",
  "liberal democrat", "liberal democrats", "lib dem", "green party",
  "communist", "communist party member", "social democrat", "socialist",
};

static const char *const v_health[] = {
  "diabetes", "type 1 diabetes", "type 2 diabetes", "diabetic", "hypertension",
  "high blood pressure", "asthma", "hiv", "hiv positive", "hiv negative", "hiv+",
  "aids", "hepatitis", "hepatitis a", "hepatitis b", "hepatitis c", "hbv", "hcv",
  "tuberculosis", "depression", "major depressive disorder", "anxiety",
  "anxiety disorder", "bipolar", "bipolar disorder", "schizophrenia", "ptsd",
  "adhd", "autism", "mental illness", "cancer", "breast cancer", "lung cancer",
  "prostate cancer", "leukemia", "leukaemia", "lymphoma", "melanoma", "tumor",
  "tumour", "covid", "covid 19", "covid 19 positive", "covid positive",
  "sars cov 2", "pregnant", "pregnancy", "epilepsy", "dementia", "alzheimer's",
  "alzheimers", "alzheimer's disease", "parkinson's", "parkinsons",
  "parkinson's disease", "multiple sclerosis", "stroke", "heart disease",
  "coronary artery disease", "heart failure", "arrhythmia", "copd",
  "chronic kidney disease", "kidney failure", "obesity", "arthritis",
  "rheumatoid arthritis", "osteoporosis", "migraine", "hemophilia",
  "sickle cell disease", "cystic fibrosis", "down syndrome", "cerebral palsy",
  "anorexia", "bulimia", "eating disorder", "substance abuse", "alcoholism",
  "opioid use disorder", "addiction", "syphilis", "gonorrhea", "chlamydia",
  "herpes", "hpv", "infertility", "miscarriage", "abortion", "paralysis",
  "influenza", "pneumonia", "measles", "malaria", "ebola", "hypothyroidism",
  "hyperthyroidism", "anemia", "anaemia", "celiac disease", "crohn's disease",
  "ulcerative colitis", "insomnia", "ocd", "psoriasis", "glaucoma", "cataract",
  "高血压", "糖尿病", "艾滋病", "hiv阳性", "艾滋病病毒感染者", "乙肝", "乙型肝炎",
  "丙肝", "丙型肝炎", "肝炎", "结核病", "肺结核", "抑郁症", "焦虑症",
  "双相情感障碍", "精神分裂症", "精神病", "癌症", "肺癌", "乳腺癌", "肝癌",
  "胃癌", "白血病", "肿瘤", "哮喘", "心脏病", "冠心病", "脑卒中", "中风",
  "癫痫", "痴呆", "阿尔茨海默病", "帕金森病", "新冠阳性", "新冠肺炎", "怀孕",
  "妊娠", "残疾", "梅毒", "性病", "吸毒", "自闭症", "慢阻肺", "肾衰竭",
  "尿毒症", "脑瘫",
};

static const char *const v_gender[] = {
  "male", "female", "m", "f", "man", "woman", "男", "女", "男性", "女性",
  "nonbinary", "non binary",
};

/* Common US/UK given names. Left out because they are everyday words or
 * month names: will, bill, may, june, april, hope, joy, dawn, summer,
 * autumn, guy, art, max, ray, dean. */
static const char *const v_given[] = {
  "james", "john", "robert", "michael", "william", "david", "richard", "joseph",
  "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "donald",
  "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george",
  "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary",
  "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
  "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "alexander",
  "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "henry",
  "adam", "douglas", "nathan", "peter", "zachary", "kyle", "walter", "harold",
  "jeremy", "ethan", "carl", "keith", "roger", "gerald", "christian", "terry",
  "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan",
  "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan",
  "juan", "logan", "wayne", "ralph", "roy", "eugene", "randy", "vincent",
  "russell", "louis", "philip", "bobby", "johnny", "bradley", "liam", "oliver",
  "harry", "charlie", "oscar", "leo", "freddie", "alfie", "theo", "archie",
  "lucas", "mason", "elijah", "aiden", "owen", "luke", "isaac", "caleb",
  "nathaniel", "connor", "evan", "ian", "hunter", "cameron", "sam", "mike",
  "tom", "chris", "matt", "dave", "steve", "tony", "jim", "bob", "nick", "alex",
  "ben", "dan", "josh", "andy", "rob", "jon", "martin", "simon", "neil", "mark",
  "craig", "stuart", "graham", "colin", "gavin", "lee", "ross", "callum",
  "jamie", "kieran", "declan", "rhys", "dominic", "marcus", "julian", "victor",
  "howard", "fred", "leonard", "stanley", "ernest", "clarence", "francis",
  "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
  "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra",
  "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda",
  "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
  "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
  "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra",
  "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane",
  "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren",
  "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl",
  "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara",
  "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy",
  "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle",
  "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte",
  "marie", "kayla", "alexis", "lori", "ava", "mia", "amelia", "harper", "chloe",
  "ella", "lily", "zoe", "ellie", "sophie", "isla", "poppy", "freya", "evie",
  "florence", "rosie", "holly", "lucy", "millie", "claire", "jane", "louise",
  "kate", "katie", "jenny", "liz", "beth", "sue", "anne", "tracy", "tracey",
  "wendy", "alison", "gemma", "leanne", "natasha", "nadia", "elena", "eva",
  "julia", "caroline", "fiona", "hayley", "joanne", "kirsty", "lindsay",
  "stacey", "vanessa", "yvonne", "zoey",
};

/* Most common US census / UK family names (alone they are weak evidence:
 * pair with a given name or a NAME field hint). */
static const char *const v_surname[] = {
  "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis",
  "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson",
  "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez",
  "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis",
  "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres",
  "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall",
  "rivera", "campbell", "mitchell", "carter", "roberts", "gomez", "phillips",
  "evans", "turner", "diaz", "parker", "cruz", "edwards", "collins", "reyes",
  "stewart", "morris", "morales", "murphy", "cook", "rogers", "gutierrez",
  "ortiz", "morgan", "cooper", "peterson", "bailey", "reed", "kelly", "howard",
  "ramos", "kim", "cox", "ward", "richardson", "watson", "brooks", "chavez",
  "wood", "james", "bennett", "gray", "mendoza", "ruiz", "hughes", "price",
  "alvarez", "castillo", "sanders", "patel", "myers", "long", "ross", "foster",
  "jimenez", "powell", "jenkins", "perry", "russell", "sullivan", "bell",
  "coleman", "butler", "henderson", "barnes", "gonzales", "fisher", "vasquez",
  "simmons", "romero", "jordan", "patterson", "alexander", "hamilton",
  "graham", "reynolds", "griffin", "wallace", "moreno", "west", "cole",
  "hayes", "bryant", "herrera", "gibson", "ellis", "tran", "medina", "aguilar",
  "stevens", "murray", "ford", "castro", "marshall", "owens", "harrison",
  "fernandez", "mcdonald", "woods", "washington", "kennedy", "wells", "vargas",
  "henry", "chen", "freeman", "webb", "tucker", "guzman", "burns", "crawford",
  "olson", "simpson", "porter", "hunter", "gordon", "mendez", "silva", "shaw",
  "snyder", "mason", "dixon", "munoz", "hunt", "hicks", "holmes", "palmer",
  "wagner", "black", "robertson", "boyd", "rose", "stone", "salazar", "fox",
  "warren", "mills", "meyer", "rice", "schmidt", "garza", "daniels",
  "ferguson", "nichols", "stephens", "soto", "weaver", "ryan", "gardner",
  "payne", "grant", "dunn", "kelley", "spencer", "hawkins", "arnold", "pierce",
  "vazquez", "hansen", "peters", "santos", "hart", "bradley", "knight",
  "elliott", "cunningham", "duncan", "armstrong", "hudson", "carroll", "lane",
  "riley", "andrews", "alvarado", "delgado", "berry", "perkins", "hoffman",
  "johnston", "matthews", "pena", "richards", "willis", "carpenter",
  "lawrence", "sandoval", "davies",
};

/* ~150 most common Chinese surnames, plus compound ones. */
static const char *const v_cn_surname[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
  "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许",
  "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋",
  "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢",
  "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦",
  "付", "傅", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫",
  "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "常", "温", "康",
  "施", "文", "牛", "樊", "葛", "邢", "安", "齐", "易", "乔", "伍", "庞", "颜",
  "倪", "庄", "聂", "章", "鲁", "岳", "翟", "殷", "詹", "申", "欧", "耿", "关",
  "兰", "焦", "俞", "左", "柳", "甘", "祝", "包", "宁", "尚", "符", "舒", "阮",
  "柯", "纪", "梅", "童", "凌", "毕", "单", "季", "裴", "霍", "涂", "成", "苗",
  "谷", "盛", "曲", "翁",
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
  "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "南宫", "独孤",
};

/* Japanese family names (the most common hundred of the Meiji Yasuda
 * and 名字由来net rankings) and Korean ones (Statistics Korea, 2015
 * census: every surname with more than about 30,000 bearers, and the
 * two-syllable ones); the same bit as the Chinese list: a CJK or Hangul
 * name starts with one */
static const char *const v_jp_kr_surname[] = {
  "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
  "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "斎藤", "清水",
  "山崎", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田",
  "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤",
  "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田",
  "中川", "松田", "竹内", "小野", "田村", "中山", "和田", "石田", "森田", "上田",
  "内田", "柴田", "酒井", "宮崎", "横山", "高木", "安藤", "宮本", "大野", "小島",
  "谷口", "今井", "工藤", "高田", "増田", "丸山", "杉山", "村田", "大塚", "新井",
  "小山", "平野", "藤本", "河野", "上野", "野口", "武田", "松井", "千葉", "岩崎",
  "菅原", "木下", "久保", "佐野", "野村", "松尾", "菊地", "杉本", "市川", "古川",
  "大西", "島田", "水野", "桜井", "高野", "渡部", "吉川", "山内", "西田", "飯田",
  "菊池", "西川", "小松", "北村", "安田", "五十嵐", "川口", "平田", "中田",
  "久保田", "服部", "岩田", "土屋", "川崎", "福島", "本田", "樋口", "秋山", "荒木",
  "永井", "中西", "上原", "大橋", "宮田", "中尾", "荒井", "水上", "白河", "大滝",
  "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신",
  "권", "황", "안", "송", "류", "유", "전", "홍", "고", "문", "양", "손", "배", "백",
  "허", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민", "진",
  "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여", "추",
  "도", "소", "석", "선", "설", "마", "길", "연", "위", "표", "명", "기", "반",
  "왕", "금", "옥", "육", "인", "맹", "제", "모", "탁", "국", "어", "은", "편",
  "용", "예", "경", "봉", "사", "부", "가", "복", "태", "목", "형", "피", "두",
  "감", "음", "빈", "동", "온", "호", "범", "좌", "팽", "승", "간", "상", "갈",
  "남궁", "황보", "제갈", "사공", "선우", "독고", "서문", "동방",
};

/* Nationalities: adjective, country name, ISO 3166 alpha-3 (codes that are
 * English words — CAN, PER, NOR, COL, FIN, MAR, KEN, ETH — left out). */
static const char *const v_nationality[] = {
  "chinese", "china", "chn", "中国", "中国籍", "american", "united states",
  "united states of america", "usa", "美国", "british", "united kingdom", "uk",
  "gbr", "英国", "german", "germany", "deu", "德国", "french", "france", "fra",
  "法国", "japanese", "japan", "jpn", "日本", "korean", "south korea", "korea",
  "kor", "韩国", "indian", "india", "ind", "印度", "russian", "russia", "rus",
  "俄罗斯", "canadian", "canada", "加拿大", "australian", "australia", "aus",
  "澳大利亚", "italian", "italy", "ita", "意大利", "spanish", "spain", "esp",
  "西班牙", "mexican", "mexico", "mex", "墨西哥", "brazilian", "brazil", "bra",
  "巴西", "argentine", "argentinian", "argentina", "arg", "dutch",
  "netherlands", "nld", "荷兰", "belgian", "belgium", "bel", "swiss",
  "switzerland", "che", "swedish", "sweden", "swe", "norwegian", "norway",
  "danish", "denmark", "dnk", "irish", "ireland", "irl", "portuguese",
  "portugal", "prt", "greek", "greece", "grc", "turkish", "tur", "austrian",
  "austria", "aut", "czech", "cze", "hungarian", "hungary", "hun", "romanian",
  "romania", "rou", "ukrainian", "ukraine", "ukr", "乌克兰", "israeli",
  "israel", "isr", "egyptian", "egypt", "egy", "nigerian", "nigeria", "nga",
  "south african", "south africa", "zaf", "saudi", "saudi arabia", "sau",
  "iranian", "iran", "irn", "iraqi", "iraq", "irq", "pakistani", "pakistan",
  "pak", "巴基斯坦", "bangladeshi", "bangladesh", "bgd", "indonesian",
  "indonesia", "idn", "印度尼西亚", "malaysian", "malaysia", "mys", "马来西亚",
  "singaporean", "singapore", "sgp", "新加坡", "thai", "thailand", "tha", "泰国",
  "vietnamese", "vietnam", "viet nam", "vnm", "越南", "filipino", "philippines",
  "phl", "菲律宾", "new zealander", "new zealand", "nzl", "chilean", "chile",
  "chl", "venezuelan", "venezuela", "ven", "cuban", "cuba", "cub", "mongolian",
  "mongolia", "mng", "蒙古国", "kazakhstani", "kazakhstan", "kaz", "哈萨克斯坦",
  "afghan", "afghanistan", "afg", "阿富汗", "burmese", "myanmar", "mmr", "缅甸",
  "cambodian", "cambodia", "khm", "laotian", "laos", "lao", "nepali", "nepal",
  "npl", "sri lankan", "sri lanka", "lka", "moroccan", "morocco", "algerian",
  "algeria", "dza", "uzbekistani", "uzbekistan", "uzb", "kyrgyzstani",
  "kyrgyzstan", "kgz", "tajikistani", "tajikistan", "tjk", "syrian", "syria",
  "syr", "叙利亚", "turkmen", "turkmenistan", "tkm",
};

static const char *const v_face_attr[] = {
  "beard", "no beard", "mustache", "moustache", "glasses", "eyeglasses",
  "sunglasses", "no glasses", "mask", "wearing mask", "no mask", "smile",
  "smiling", "not smiling", "no smile", "eyes open", "eyes closed",
  "mouth open", "mouth closed", "hat", "wearing hat", "no hat",
  "戴眼镜", "戴墨镜", "戴口罩", "未戴口罩", "有胡子", "无胡子", "微笑", "戴帽子",
};

/* ==== value vocabularies of many cultures ===============================
 *
 * Where the words come from (short lists of the most frequent entries,
 * written from the published rankings named here, not copied from any
 * fake-data library):
 *  - gender: the sex/gender labels of the passport data pages (ISO/IEC
 *    7501-1: M/F, and the national words printed beside them) and of
 *    each country's census form (Mann/Frau, männlich/weiblich, homme/
 *    femme, hombre/mujer, maschio/femmina, masculino/feminino, man/vrouw,
 *    мужской/женский, erkek/kadın, mężczyzna/kobieta, laki-laki/
 *    perempuan, nam/nữ, ذكر/أنثى, 男/女, 남/여);
 *  - nationality: ISO 3166-1 alpha-3 codes and the demonyms of Unicode
 *    CLDR's territory names (the territory names themselves, in 18
 *    languages, and every ISO 3166-1 code are in countries_data.c,
 *    generated by tools/gen_countries.py from CLDR);
 *  - surnames: US Census Bureau 2010 surname file (top of the list);
 *    ONS (England and Wales); the Deutscher Familiennamenatlas / Duden
 *    Familiennamen frequency list; INSEE état civil (France); INE
 *    "Apellidos más frecuentes" (Spain); ISTAT and the Italian phone
 *    directory rankings; IBGE Censo 2010 (Brazil); CBS/Meertens
 *    Nederlandse Familienamenbank; Statistics Korea 2015 census (성씨);
 *    the Japanese surname rankings of the Meiji Yasuda surveys; the
 *    Ministry of Public Security 2020 ranking (China, pinyin); the
 *    Russian, Turkish (TÜİK), Polish (PESEL register, gov.pl open data),
 *    Vietnamese and Indian surname frequency tables; Arabic: the most
 *    common family names of the Gulf and Levant registries;
 *  - given names: SSA baby names (US), ONS baby names, GfK/Gesellschaft
 *    für deutsche Sprache, INSEE fichier des prénoms, INE "Nombres más
 *    frecuentes", ISTAT, IBGE, SVB/CBS (NL), Statistics Korea, Meiji
 *    Yasuda (JP), and the same national tables as above.
 * Words that are everyday words in some language are left out (rose,
 * will, may, bill, mark is kept: it is rarely a value alone). */

static const char *const v_gender_ml[] = {
  "mann", "frau", "männlich", "weiblich", "maennlich", "divers", "w",
  "homme", "femme", "masculin", "féminin", "feminin", "h",
  "hombre", "mujer", "masculino", "femenino", "varón", "varon",
  "maschio", "femmina", "maschile", "femminile", "uomo", "donna",
  "feminino", "homem", "mulher",
  "vrouw", "vrouwelijk", "mannelijk", "v",
  "мужской", "женский", "муж", "жен", "муж.", "жен.", "мужчина", "женщина", "м", "ж",
  "erkek", "kadın", "kadin", "e", "k",
  "mężczyzna", "kobieta", "mezczyzna", "męska", "żeńska",
  "laki laki", "perempuan", "pria", "wanita", "l", "p",
  "nữ", "nu",
  "ذكر", "أنثى", "انثى",
  "男子", "女子",
  "남", "여", "남성", "여성", "남자", "여자",
};

/* Salutations that give the sex (a title of rank or office, Dr., Prof.,
 * does not and is left out): the forms of address of each language's
 * style guides and of the address forms of its post and civil registries
 * (Mr/Mrs/Ms/Miss; Herr/Frau; M./Mme/Mlle; Sr./Sra./Srta.; Sig./Sig.ra/
 * Sig.na; Dhr./Mevr.; Sr./Sra. in Portuguese; 先生/女士/小姐; 様 is no
 * sex). "ms", "sr" and "miss" are also a unit, "Senior" and a cache
 * miss: value_person.c wants a salutation field for those three. */
static const char *const v_salutation[] = {
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mister", "herr",
  "m.", "mme", "mme.", "mlle", "mlle.", "monsieur", "madame", "mademoiselle",
  "sr", "sr.", "sra", "sra.", "srta", "srta.", "señor", "señora", "señorita",
  "senhor", "senhora", "sig.", "sig.ra", "sig.na", "signor", "signora",
  "signorina", "dhr.", "mevr.", "de heer", "mevrouw",
  "先生", "女士", "小姐",
};

/* ISO 3166-1 alpha-3 codes (those that are English words or common
 * abbreviations left out, as above) and demonyms in the languages of
 * the lexicon */
static const char *const v_country_codes[] = {
  "abw", "ago", "aia", "alb", "and", "are", "arm", "asm", "atg", "aze",
  "bdi", "ben", "bfa", "bgr", "bhr", "bhs", "bih", "blr", "blz", "bmu",
  "bol", "brb", "brn", "btn", "bwa", "caf", "civ", "cmr", "cod", "cog",
  "cok", "cpv", "cri", "cuw", "cym", "cyp", "dji", "dma", "dom",
  "ecu", "eri", "est", "fji", "fro", "fsm", "gab", "geo", "ggy", "gha",
  "gib", "gin", "glp", "gmb", "gnb", "gnq", "grd", "grl", "gtm", "guf",
  "gum", "guy", "hkg", "hnd", "hrv", "hti", "imn", "isl", "jam", "jey",
  "jor", "kir", "kna", "kwt", "lbn", "lbr", "lby", "lca", "lie",
  "lso", "ltu", "lux", "lva", "mac", "mco", "mda", "mdg", "mdv", "mhl",
  "mkd", "mli", "mlt", "mne", "mnp", "moz", "mrt", "msr", "mtq", "mus",
  "mwi", "myt", "ncl", "ner", "nic", "niu", "nru", "omn", "pan",
  "pcn", "plw", "png", "pol", "pri", "prk", "pry", "pse", "pyf", "qat",
  "reu", "rwa", "sdn", "sen", "slb", "sle", "slv", "smr", "som", "srb",
  "ssd", "stp", "sur", "svk", "svn", "swz", "sxm", "syc", "tca", "tcd",
  "tgo", "tkl", "tls", "ton", "tto", "tun", "tuv", "twn", "tza", "uga",
  "ury", "vat", "vct", "vgb", "vir", "vut", "wlf", "wsm", "yem", "zmb",
  "zwe",
  /* demonyms, German / French / Spanish / Italian / Portuguese / Dutch */
  "deutsch", "deutsche", "deutscher", "französisch", "italienisch", "spanisch",
  "türkisch", "polnisch", "russisch", "chinesisch", "amerikanisch", "britisch",
  "österreichisch", "schweizerisch", "niederländisch", "griechisch",
  "allemand", "allemande", "français", "française", "italien", "italienne",
  "espagnol", "espagnole", "portugais", "portugaise", "belge", "suisse",
  "américain", "américaine", "britannique", "chinois", "chinoise", "marocain",
  "marocaine", "algérien", "algérienne", "tunisien", "tunisienne", "turque",
  "español", "española", "alemán", "alemana", "francés", "francesa",
  "italiano", "italiana", "mexicano", "mexicana", "argentino",
  "colombiano", "colombiana", "peruano", "peruana", "chileno", "chilena",
  "venezolano", "venezolana", "ecuatoriano", "ecuatoriana", "cubano", "cubana",
  "estadounidense", "británico", "británica", "marroquí", "rumano", "rumana",
  "tedesco", "tedesca", "francese", "spagnolo", "spagnola", "inglese",
  "cinese", "rumeno", "rumena", "albanese", "marocchino", "marocchina",
  "brasileiro", "brasileira", "português", "portuguesa", "alemão", "alemã",
  "francês", "japonês", "japonesa", "chinês", "angolano", "angolana",
  "nederlands", "nederlandse", "duits", "duitse", "frans", "franse",
  "belgisch", "belgische", "marokkaans", "marokkaanse", "turks", "turkse",
  "surinaams", "surinaamse", "pools", "poolse",
  "российская федерация", "россия", "русский", "русская", "украина",
  "türk", "türkiye", "alman", "polska", "polskie", "wni",
  "việt nam", "日本国", "大韩民国", "대한민국", "한국", "日本人", "中国人",
};

/* Common surnames (see the sources above), lower case as values fold */
static const char *const v_surname_ml[] = {
  /* German */
  "müller", "mueller", "schneider", "fischer", "weber",
  "becker", "schulz", "hoffmann", "schäfer", "koch", "bauer",
  "richter", "klein", "wolf", "schröder", "neumann", "schwarz", "zimmermann",
  "braun", "krüger", "hofmann", "hartmann", "lange", "schmitt", "werner",
  "schmitz", "krause", "meier", "lehmann", "schmid", "schulze", "maier",
  "köhler", "herrmann", "könig", "walter", "mayer", "huber", "kaiser",
  "fuchs", "lang", "scholz", "möller", "weiß", "weiss", "jung",
  "hahn", "schubert", "vogel", "friedrich", "keller", "günther", "frank",
  "berger", "winkler", "roth", "beck", "lorenz", "baumann", "franke",
  "albrecht", "schuster", "simon", "ludwig", "böhm", "winter", "kraus",
  "schumacher", "vogt", "stein", "jäger", "otto", "sommer", "groß", "seidel",
  "heinrich", "brandt", "haas", "schreiber", "graf", "dietrich", "ziegler",
  "kuhn", "kühn", "pohl", "engel", "horn", "busch", "bergmann",
  "voigt", "sauer", "wolff", "pfeiffer",
  /* French */
  "bernard", "dubois", "durand", "lefebvre", "leroy", "moreau", "laurent",
  "michel", "david", "bertrand", "roux", "vincent", "fournier",
  "morel", "girard", "andré", "lefèvre", "mercier", "dupont", "lambert",
  "bonnet", "françois", "legrand", "garnier", "faure", "rousseau",
  "blanc", "guerin", "guérin", "muller", "roussel", "nicolas",
  "perrin", "morin", "mathieu", "clement", "clément", "gauthier", "dumont",
  "fontaine", "chevalier", "robin", "masson", "gerard",
  "gérard", "boyer", "denis", "lemaire", "duval", "joly", "gautier",
  "roger", "roche", "roy", "noel", "noël", "lucas", "meunier", "jean",
  "marchand", "dufour", "blanchard", "marie", "barbier", "brun",
  "dumas", "brunet", "leroux", "colin", "pierre",
  "renard", "arnaud", "rolland", "caron", "aubert", "giraud", "leclerc",
  "vidal", "bourgeois", "renaud", "lemoine", "picard", "gaillard", "philippe",
  "leclercq", "lacroix", "fabre", "dupuis", "olivier", "da silva",
  "hubert", "louis", "charles", "guillot", "rivière", "le gall", "guillaume",
  "adam", "rey", "moulin", "lecomte", "menard", "fleury",
  "deschamps", "carpentier", "julien", "benoit", "maillard",
  "marchal", "aubry", "vasseur", "le roux", "renault", "jacquet", "collet",
  "prevost", "poirier", "charpentier", "royer", "huet", "baron", "dupuy",
  "pons", "paul", "laine", "carré", "breton", "remy", "perrot",
  "guyot", "barre", "marty", "cousin", "lebrun", "lacombe",
  /* Spanish */
  "garcía", "gonzález", "rodríguez", "fernández", "lópez", "martínez",
  "sánchez", "pérez", "gómez", "martín", "jiménez", "hernández",
  "díaz", "muñoz", "álvarez", "alonso", "gutiérrez",
  "navarro", "domínguez", "vázquez", "gil", "ramírez",
  "serrano", "blanco", "molina", "suárez", "ortega",
  "rubio", "marín", "sanz", "núñez", "iglesias",
  "garrido", "cortés", "lozano", "guerrero", "cano",
  "prieto", "méndez", "calvo", "gallego", "león", "márquez",
  "peña", "cabrera", "campos", "vega", "fuentes",
  "carrasco", "diez", "díez", "caballero", "nieto",
  "pascual", "santana", "herrero", "lorenzo", "montero", "hidalgo", "giménez",
  "ibáñez", "ferrer", "durán", "santiago", "benítez", "mora", "vicente",
  "arias", "carmona", "crespo", "román", "pastor", "sáez",
  "velasco", "moya", "soler", "parra", "esteban", "bravo", "gallardo", "rojas",
  "pardo", "merino", "franco", "espinosa", "izquierdo", "lara", "rivas",
  "casado", "arroyo", "redondo", "camacho", "vera",
  "otero", "luque", "galán", "montes", "ríos", "sierra", "segura", "carrillo",
  "marcos", "marti", "soriano", "robles", "vallejo",
  /* Italian */
  "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo",
  "ricci", "marino", "greco", "bruno", "gallo", "conti", "de luca",
  "mancini", "costa", "giordano", "rizzo", "lombardi", "moretti", "barbieri",
  "fontana", "santoro", "mariani", "rinaldi", "caruso", "ferrara", "galli",
  "martini", "leone", "longo", "gentile", "martinelli", "vitale", "lombardo",
  "serra", "coppola", "de santis", "d'angelo", "marchetti", "parisi",
  "villa", "conte", "ferraro", "ferri", "fabbri", "bianco", "marini",
  "grasso", "valentini", "messina", "sala", "de angelis", "gatti",
  "pellegrini", "palumbo", "sanna", "farina", "rizzi", "monti", "cattaneo",
  "morelli", "amato", "silvestri", "mazza", "testa", "grassi", "pellegrino",
  "carbone", "giuliani", "benedetti", "barone", "rossetti", "caputo",
  "montanari", "guerra", "palmieri", "bernardi", "martino", "fiore",
  "de rosa", "ferretti", "bellini", "basile", "riva", "donati", "piras",
  "vitali", "battaglia", "sartori", "neri", "costantini", "milani", "pagano",
  "ruggiero", "sorrentino", "d'amico", "orlando", "damico", "negri",
  "pace", "bellucci", "fumagalli",
  /* Portuguese (Brazil, Portugal) */
  "oliveira", "souza", "sousa", "rodrigues", "ferreira",
  "alves", "pereira", "lima", "gomes", "ribeiro", "carvalho", "almeida",
  "lopes", "soares", "fernandes", "vieira", "barbosa", "rocha", "dias",
  "nascimento", "andrade", "moreira", "nunes", "marques", "machado",
  "mendes", "freitas", "cardoso", "gonçalves", "teixeira",
  "araújo", "araujo", "pinto", "correia", "martins", "jesus",
  "monteiro", "cavalcanti", "moura", "azevedo", "cunha",
  "rezende", "borges", "pires", "duarte", "fonseca", "moraes", "morais",
  "peixoto", "porto", "batista", "farias", "melo", "aragão", "caldeira",
  "cardozo", "nogueira", "sampaio", "siqueira", "brito", "coelho", "vasconcelos",
  "dos santos", "da costa", "da cunha", "da rocha", "da mota",
  /* Dutch */
  "de jong", "jansen", "de vries", "van den berg", "van dijk", "bakker",
  "janssen", "visser", "smit", "meijer", "de boer", "mulder", "de groot",
  "bos", "vos", "hendriks", "van leeuwen", "dekker", "brouwer",
  "de wit", "dijkstra", "smits", "de graaf", "van der meer", "van der linden",
  "kok", "jacobs", "de haan", "vermeulen", "van den heuvel", "van der veen",
  "van den broek", "de bruijn", "de bruin", "van der heijden", "schouten",
  "van beek", "willems", "van vliet", "van de ven", "hoekstra", "maas",
  "verhoeven", "koster", "van dam", "van der wal", "prins", "blom", "huisman",
  "peeters", "de koning", "van wijk", "postma", "kuipers", "veenstra",
  "kramer", "van den bosch", "van der laan",
  /* Turkish (TÜİK) */
  "yılmaz", "yilmaz", "kaya", "demir", "şahin", "sahin", "çelik", "celik",
  "yıldız", "yildiz", "yıldırım", "yildirim", "öztürk", "ozturk", "aydın",
  "aydin", "özdemir", "ozdemir", "arslan", "doğan", "dogan", "kılıç", "kilic",
  "aslan", "çetin", "cetin", "kara", "koç", "koc", "kurt", "özkan", "ozkan",
  "şimşek", "simsek", "polat", "korkmaz", "erdoğan", "erdogan", "güneş",
  "aksoy", "bulut", "tekin", "acar",
  /* Polish (PESEL) */
  "nowak", "kowalski", "kowalska", "wiśniewski", "wiśniewska", "wisniewski",
  "wójcik", "wojcik", "kowalczyk", "kamiński", "kamińska", "kaminski",
  "lewandowski", "lewandowska", "zieliński", "zielińska", "szymański",
  "szymańska", "woźniak", "wozniak", "dąbrowski", "dąbrowska", "kozłowski",
  "kozłowska", "jankowski", "jankowska", "mazur", "kwiatkowski",
  "kwiatkowska", "krawczyk", "piotrowski", "piotrowska", "grabowski",
  "grabowska", "nowakowski", "nowakowska", "pawłowski", "pawłowska",
  "michalski", "michalska", "adamczyk", "dudek", "zając", "zajac", "wieczorek",
  "jabłoński", "król", "majewski", "olszewski", "jaworski", "malinowski",
  /* Russian (Latin and Cyrillic) */
  "ivanov", "smirnov", "kuznetsov", "popov", "vasiliev", "petrov", "sokolov",
  "mikhailov", "novikov", "fedorov", "morozov", "volkov", "alekseev",
  "lebedev", "semenov", "egorov", "pavlov", "kozlov", "stepanov", "nikolaev",
  "иванов", "смирнов", "кузнецов", "попов", "васильев", "петров", "соколов",
  "михайлов", "новиков", "федоров", "морозов", "волков", "алексеев",
  "лебедев", "семенов", "егоров", "павлов", "козлов", "степанов", "николаев",
  "иванова", "смирнова", "кузнецова", "попова", "петрова", "соколова",
  "орлов", "андреев", "макаров", "никитин", "захаров",
  /* Vietnamese, Indonesian */
  "nguyễn", "trần", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ",
  "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "pham", "hoang",
  "huynh", "dang", "bui", "ngo", "duong",
  "wijaya", "santoso", "hidayat", "kusuma", "susanto", "setiawan",
  "pratama", "saputra", "gunawan", "siregar", "nasution",
  "hutapea", "simanjuntak", "sihombing", "wibowo", "halim", "salim",
  /* Indian */
  "kumar", "sharma", "singh", "verma", "gupta", "yadav", "reddy", "rao",
  "iyer", "nair", "menon", "pillai", "mehta", "shah", "joshi", "desai",
  "chopra", "malhotra", "kapoor", "khanna", "agarwal", "aggarwal", "bansal",
  "jain", "mishra", "pandey", "tiwari", "dubey", "chauhan", "thakur",
  "das", "dutta", "bose", "banerjee", "chatterjee", "mukherjee", "ghosh",
  "sen", "chakraborty", "bhattacharya", "naidu", "patil", "kulkarni",
  "deshpande", "bhat", "hegde", "shetty", "krishnan", "subramanian",
  "raman", "srinivasan", "venkatesh", "ahmed", "khan", "ali", "hussain",
  "sinha", "saxena", "srivastava", "tripathi", "chaudhary", "choudhury",
  "dhillon", "gill", "sandhu", "sethi", "bhatia", "arora", "ahuja", "bedi",
  "goel", "mittal", "garg", "sood", "varma", "kaur", "devi", "lal", "prasad",
  "gandhi", "kohli", "dhawan", "bajwa", "grewal", "sidhu", "kalra", "anand",
  "bhalla", "walia", "dalal", "ganguly", "sarkar", "tandon",
  /* Chinese, Korean, Japanese in Latin letters */
  "wang", "zhang", "liu", "yang", "huang", "zhao", "zhou",
  "zhu", "guo", "gao", "lin", "luo", "zheng",
  "liang", "xie", "tang", "han", "feng", "deng", "cao", "peng",
  "zeng", "xiao", "tian", "dong", "yuan", "pan", "jiang", "cai",
  "wong", "cheung", "chan", "leung", "lau",
  "park", "choi", "kang", "cho", "yoon", "jang", "lim",
  "shin", "seo", "kwon", "hwang", "ahn", "yoo", "hong",
  "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto",
  "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi",
  "matsumoto", "inoue", "kimura", "hayashi", "saito", "shimizu",
  /* Arabic */
  "محمد", "أحمد", "علي", "حسن", "حسين", "عبدالله", "الحربي", "العتيبي",
  "القحطاني", "الغامدي", "الزهراني", "الشمري", "الدوسري", "المطيري",
  "al harbi", "al otaibi", "al qahtani", "al ghamdi", "al zahrani",
  "al shammari", "al dosari", "al mutairi", "haddad", "khoury", "nassar",
  "saleh", "hassan", "hussein", "ibrahim", "mahmoud", "abdullah", "mansour",
};

/* Common given names of the same countries */
static const char *const v_given_ml[] = {
  /* German */
  "andreas", "wolfgang", "klaus", "jürgen",
  "juergen", "günter", "stefan", "uwe", "werner", "horst",
  "dieter", "manfred", "gerhard", "hans", "bernd", "torsten",
  "sven", "jan", "jens", "jörg", "ralf", "rolf", "heinz", "helmut",
  "matthias", "markus", "sebastian", "tobias", "florian", "lukas", "leon",
  "maximilian", "felix", "jonas", "finn", "elias", "niklas", "tim",
  "kai", "dirk", "holger", "volker", "karl", "friedrich", "wilhelm", "otto",
  "ursula", "monika", "petra", "sabine", "renate", "helga", "karin",
  "brigitte", "ingrid", "erika", "gisela", "claudia", "susanne",
  "gabriele", "christa", "elke", "birgit", "marion", "heike",
  "anja", "kerstin", "stefanie", "katrin", "silke", "manuela",
  "anke", "jutta", "hannelore", "irmgard", "gertrud", "anneliese", "gudrun",
  "lena", "lea", "leonie", "lina",
  "hanna", "johanna", "emilia", "greta", "frieda",
  /* French */
  "pierre", "michel", "philippe", "alain", "nicolas", "christophe",
  "françois", "francois", "laurent", "frédéric",
  "stéphane", "sébastien", "julien", "olivier", "éric", "thierry",
  "bernard", "jacques", "gérard", "andré", "rené", "hugo", "jules",
  "raphaël", "mathis", "théo", "antoine",
  "guillaume", "maxime", "romain", "benoît", "benoit", "yves",
  "marcel", "matthieu", "mathieu", "jérôme", "cédric",
  "nathalie", "isabelle", "sylvie", "françoise",
  "martine", "monique", "valérie", "sandrine",
  "céline", "stéphanie", "véronique", "chantal",
  "émilie", "emilie", "camille", "léa", "manon", "chloé", "inès", "jade",
  "juliette", "aurélie",
  "hélène", "jeanne", "margaux", "pauline", "élodie", "lucie",
  /* Spanish */
  "antonio", "josé", "manuel", "francisco", "javier",
  "jesús", "carlos", "miguel", "alejandro", "rafael", "pedro", "ángel",
  "pablo", "sergio", "fernando", "jorge", "luis", "alberto", "álvaro",
  "adrián", "diego", "raúl", "enrique", "ramón", "vicente", "ignacio",
  "andrés", "joaquín", "santiago", "mateo", "martín",
  "matías", "tomás", "emilio", "gonzalo", "rubén", "óscar", "iván",
  "maría", "carmen", "ana", "isabel", "dolores", "pilar", "rosa",
  "josefa", "cristina", "lucía", "marta", "paula",
  "raquel", "mercedes", "rocío", "encarnación",
  "concepción", "beatriz", "nuria", "silvia", "irene", "alba",
  "sofía", "martina", "valeria", "daniela", "inmaculada",
  "montserrat", "esther", "consuelo", "amparo",
  /* Italian */
  "giuseppe", "giovanni", "mario", "luigi", "francesco", "angelo",
  "vincenzo", "pietro", "salvatore", "carlo", "franco", "domenico", "bruno",
  "paolo", "michele", "giorgio", "aldo", "luciano", "roberto",
  "stefano", "marco", "alessandro", "matteo", "lorenzo", "leonardo",
  "riccardo", "davide", "simone", "federico", "emanuele",
  "tommaso", "giulio", "fabio", "massimo", "maurizio", "claudio", "enrico",
  "giuseppina", "giovanna",
  "lucia", "carmela", "caterina", "francesca", "antonietta",
  "carla", "paola", "rita", "giulia", "chiara", "alessia",
  "federica", "valentina", "sofia", "aurora",
  "ginevra", "beatrice", "luisa", "gabriella",
  "patrizia", "raffaella", "simona", "roberta",
  /* Portuguese */
  "joão", "joao", "antônio", "paulo",
  "luiz", "marcos",
  "marcelo", "eduardo", "felipe", "raimundo", "rodrigo", "manoel",
  "sebastião", "ricardo", "gustavo", "guilherme",
  "heitor", "bernardo", "davi", "enzo",
  "thiago", "vitor", "matheus", "mateus", "caio", "otávio",
  "francisca", "antônia", "adriana", "juliana", "márcia",
  "fernanda", "patrícia", "aline", "camila", "bruna",
  "jéssica", "letícia", "júlia", "luciana", "mariana", "gabriela",
  "vitória", "larissa", "helena",
  "isabela", "cecília", "lívia", "luana",
  /* Dutch */
  "johannes", "hendrik", "cornelis", "pieter", "willem", "gerrit",
  "jacobus", "bart", "daan", "sem", "lars", "thijs", "ruben", "jeroen",
  "bas", "joost", "maarten", "sander", "wouter", "koen", "stijn",
  "niels", "bram", "luuk", "milan", "sanne", "anouk",
  "femke", "lotte", "tess", "fleur", "lieke", "iris",
  "cornelia", "wilhelmina", "elisabeth",
  "marieke", "annemarie", "marloes", "merel", "noor",
  /* Turkish */
  "mehmet", "mustafa", "ahmet", "ali", "hüseyin", "hasan", "ibrahim",
  "ismail", "osman", "yusuf", "murat", "ömer", "ramazan", "halil", "süleyman",
  "abdullah", "mahmut", "recep", "emre", "burak", "kemal",
  "fatma", "ayşe", "ayse", "emine", "hatice", "zeynep", "elif", "meryem",
  "şerife", "zehra", "sultan", "hanife", "merve", "özlem", "esra", "büşra",
  /* Polish */
  "piotr", "krzysztof", "andrzej", "tomasz", "paweł", "michał",
  "marcin", "jakub", "łukasz", "lukasz", "marek", "grzegorz",
  "mateusz", "wojciech", "mariusz", "dariusz", "zbigniew", "jerzy", "kamil",
  "katarzyna", "małgorzata", "malgorzata", "agnieszka",
  "ewa", "krystyna", "elżbieta", "zofia", "joanna", "magdalena",
  "aleksandra", "natalia", "dorota", "beata", "jadwiga",
  "halina", "irena", "danuta", "janina", "wanda", "marianna",
  /* Russian */
  "александр", "сергей", "дмитрий", "андрей", "алексей", "максим", "евгений",
  "иван", "михаил", "артем", "артём", "николай", "владимир", "арсений",
  "елена", "ольга", "наталья", "татьяна", "ирина", "светлана", "анна",
  "мария", "екатерина", "юлия", "анастасия", "дарья", "софия",
  "aleksandr", "sergei", "sergey", "dmitry", "dmitri", "andrei", "alexei",
  "alexey", "maxim", "evgeny", "ivan", "mikhail", "nikolai", "vladimir",
  "olga", "tatiana", "irina", "svetlana", "ekaterina", "yulia",
  "anastasia", "darya",
  /* Indian */
  "aarav", "vihaan", "vivaan", "aditya", "arjun", "sai", "reyansh", "krishna",
  "ishaan", "shaurya", "rahul", "rohit", "amit", "sumit", "vikram", "vijay",
  "raj", "rajesh", "ramesh", "suresh", "mahesh", "ganesh", "dinesh", "mukesh",
  "anil", "sunil", "manoj", "sanjay", "ajay", "deepak", "ashok", "arun",
  "ravi", "kiran", "prakash", "naveen", "nikhil", "akash", "abhishek",
  "ankit", "gaurav", "harsh", "karan", "kabir", "yash", "aryan",
  "dhruv", "advik", "ayaan", "atharv", "rudra", "pranav",
  "priya", "pooja", "neha", "anjali", "divya", "kavya", "ananya", "aadhya",
  "diya", "saanvi", "aanya", "pari", "anika", "navya", "myra",
  "riya", "shreya", "sneha", "swati", "sunita", "anita", "geeta", "sita",
  "lakshmi", "meena", "rekha", "kavita", "nisha", "preeti", "ritu", "pallavi",
  "aarohi", "ira", "kiara", "tara", "zara", "ishita", "jiya", "amaira",
  /* Indonesian, Vietnamese, Arabic (Latin) */
  "budi", "agus", "bambang", "dewi", "sri", "siti", "putri", "rizki", "eko",
  "adi", "hendra", "joko", "yudi", "wahyu", "dian", "indah", "ayu", "fitri",
  "anh", "minh", "linh", "huong", "thao", "trang", "duc", "hung", "tuan",
  "muhammad", "mohammed", "mohamed", "ahmed", "omar", "yousef", "khalid",
  "fatima", "aisha", "mariam", "layla", "huda", "hassan", "hussein",
  /* Korean, Japanese, Chinese given names in Latin letters */
  "minjun", "seojun", "jiho", "jiwoo", "seoyeon", "jiwon", "minji", "jisoo",
  "hiroshi", "takashi", "kenji", "yuki", "haruto", "yuto", "sota", "ren",
  "yui", "hina", "sakura", "aoi", "yuna", "yoko", "keiko", "akira",
  "wei", "fang", "min", "jing", "li na", "yan", "jie", "lei", "jun", "hui",
};

const struct lx_vocab_table lx_vocab_tables[] = {
  {v_ethnicity, COUNT(v_ethnicity), AJAR_V_ETHNICITY},
  {v_religion, COUNT(v_religion), AJAR_V_RELIGION},
  {v_political, COUNT(v_political), AJAR_V_POLITICAL},
  {v_health, COUNT(v_health), AJAR_V_HEALTH},
  {v_gender, COUNT(v_gender), AJAR_V_GENDER},
  {v_given, COUNT(v_given), AJAR_V_GIVEN_NAME},
  {v_surname, COUNT(v_surname), AJAR_V_SURNAME},
  {v_cn_surname, COUNT(v_cn_surname), AJAR_V_CN_SURNAME},
  {v_nationality, COUNT(v_nationality), AJAR_V_NATIONALITY},
  {v_face_attr, COUNT(v_face_attr), AJAR_V_FACE_ATTR},
  {v_gender_ml, COUNT(v_gender_ml), AJAR_V_GENDER},
  {v_salutation, COUNT(v_salutation), AJAR_V_SALUTATION},
  {v_country_codes, COUNT(v_country_codes), AJAR_V_NATIONALITY},
  {v_surname_ml, COUNT(v_surname_ml), AJAR_V_SURNAME},
  {v_given_ml, COUNT(v_given_ml), AJAR_V_GIVEN_NAME},
  {v_jp_kr_surname, COUNT(v_jp_kr_surname), AJAR_V_CN_SURNAME},
};
const size_t lx_vocab_table_count = COUNT(lx_vocab_tables);
/* clang-format on */
