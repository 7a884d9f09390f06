#!/usr/bin/env python3
"""A second, independently designed labelled corpus: real-world schemas.

    gen.py OUT_DIR --seed N [--records 30]

Writes one file per schema below into OUT_DIR plus OUT_DIR/labels.json in
the format of tests/accuracy/README.md (`__locale__`, `__theme__`,
`__style__` and `__profiles__` per file). Values come from Faker, Mimesis
and python-stdnum (the venv of tests/accuracy/heldout); the schemas, field
names and file shapes follow published conventions (HL7 FHIR R4 Patient
and Condition, schema.org Person/PostalAddress, a Salesforce-style contact
export, national member/customer lists, an airline PNR, a hotel guest
register, a telecom CDR, a school roster) and were not taken from the
project's generators. See README.md for the rules of use.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import hashlib
import importlib.util
import json
import os
import random
import uuid

from faker import Faker
from mimesis import Person as MPerson
from mimesis.locales import Locale
from stdnum import imei as s_imei, luhn
from stdnum.br import cpf as s_cpf
from stdnum.cn import ric as s_ric
from stdnum.es import dni as s_dni
from stdnum.fr import nir as s_nir
from stdnum.it import codicefiscale as s_cf
from stdnum.nl import bsn as s_bsn
from stdnum.us import ssn as s_ssn

_spec = importlib.util.spec_from_file_location(
    "heldout_gen", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", "gen.py"))
HELDOUT = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(HELDOUT)

NAME, NID, PASS, DEMO = "identity.name", "identity.national_id", "identity.passport", "identity.demographic"
EMAIL, PHONE, ADDR = "contact.email", "contact.phone", "contact.address"
IMEI, IMSI, LOC, PLATE = "device.imei", "device.imsi", "location.coordinates", "vehicle.plate"
IBAN, HEALTH = "financial.iban", "special.health"
IDENTIFIERS = {NAME, NID, PASS, EMAIL, PHONE, IMEI, IMSI, PLATE, "device.mac", "device.ip",
               "device.advertising_id", "vehicle.vin", "biometric.face"}

ICD10 = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
         ("J45.909", "Unspecified asthma, uncomplicated"), ("F32.9", "Major depressive disorder, single episode"),
         ("M54.5", "Low back pain"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
         ("E78.5", "Hyperlipidemia, unspecified"), ("N39.0", "Urinary tract infection, site not specified")]


class F:
    """One field: its path in the record, its labels, whether it is a time or a place."""

    def __init__(self, path, cats=(), time=False, place=False, make=None):
        self.path, self.cats, self.time, self.place, self.make = path, list(cats), time, place, make


def valid(gen, check, tries=200):
    for _ in range(tries):
        v = gen()
        try:
            ok = check(v)
        except (KeyError, ValueError):  # stdnum's cn.ric has no county data for some regions
            ok = False
        if ok:
            return v
    raise RuntimeError("no valid value")


T0 = datetime.datetime(2026, 12, 1, 12, 0)   # fixed, so that a seed always gives the same files


def at(fk, lo_days, hi_days):
    return fk.date_time_between(start_date=T0 + datetime.timedelta(days=lo_days),
                                end_date=T0 + datetime.timedelta(days=hi_days))


def epoch(t):
    return calendar.timegm(t.timetuple())


def dob(fk, fmt):
    return at(fk, -95 * 365, -6 * 365).strftime(fmt)


def event(fk, fmt):
    return at(fk, -730, 0).strftime(fmt)


def luhn_complete(rng, n):
    body = "".join(rng.choice("0123456789") for _ in range(n - 1))
    return body + luhn.calc_check_digit(body)


def not_luhn(rng, n):
    while True:
        v = "".join(rng.choice("0123456789") for _ in range(n))
        if v[0] != "0" and not luhn.is_valid(v):
            return v


# ---------------------------------------------------------------- schemas
# Each returns (locale, format, records, fields); nested JSON fields give
# their ajar path (`name[].family`, docs/report.md "Fields").

def fhir_patient(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "resourceType": "Patient", "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "meta": {"versionId": str(rng.randint(1, 9))},
            "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn",
                            "value": valid(fk.ssn, s_ssn.is_valid)}],
            "active": rng.random() < 0.9,
            "name": [{"use": "official", "family": fk.last_name(), "given": [fk.first_name()]}],
            "telecom": [{"system": "phone", "value": fk.phone_number(), "use": rng.choice(["home", "mobile"])}],
            "gender": rng.choice(["male", "female", "other", "unknown"]),
            "birthDate": dob(fk, "%Y-%m-%d"),
            "address": [{"use": "home", "line": [fk.street_address()], "city": fk.city(),
                         "state": fk.state_abbr(), "postalCode": fk.postcode()}],
        })
    fields = [F("resourceType"), F("id"), F("meta.versionId"), F("identifier[].system"),
              F("identifier[].value", [NID]), F("active"), F("name[].use"), F("name[].family", [NAME]),
              F("name[].given[]", [NAME]), F("telecom[].system"), F("telecom[].value", [PHONE]),
              F("telecom[].use"), F("gender", [DEMO]), F("birthDate", [DEMO]), F("address[].use"),
              F("address[].line[]", [ADDR], place=True), F("address[].city", [ADDR], place=True),
              F("address[].state", [ADDR], place=True), F("address[].postalCode", [ADDR], place=True)]
    return "en_US", "json", recs, fields


def fhir_condition(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        code, disp = rng.choice(ICD10)
        recs.append({
            "resourceType": "Condition", "id": str(rng.randint(10000, 99999)),
            "clinicalStatus": {"coding": [{"code": rng.choice(["active", "resolved"])}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": code, "display": disp}]},
            "subject": {"reference": "Patient/%d" % rng.randint(1000, 9999), "display": fk.name()},
            "recordedDate": at(fk, -730, 0).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
        })
    fields = [F("resourceType"), F("id"), F("clinicalStatus.coding[].code"), F("code.coding[].system"),
              F("code.coding[].code", [HEALTH]), F("code.coding[].display", [HEALTH]),
              F("subject.reference"), F("subject.display", [NAME]), F("recordedDate", time=True)]
    return "en_GB", "ndjson", recs, fields


def schema_person(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "@context": "https://schema.org", "@type": "Person",
            "givenName": fk.first_name(), "familyName": fk.last_name(),
            "email": fk.email(), "telephone": fk.phone_number(),
            "birthDate": dob(fk, "%Y-%m-%d"), "gender": rng.choice(["https://schema.org/Female", "https://schema.org/Male"]),
            "nationality": {"@type": "Country", "name": fk.country()},
            "jobTitle": fk.job(), "worksFor": {"@type": "Organization", "name": fk.company()},
            "address": {"@type": "PostalAddress", "streetAddress": fk.street_address(),
                        "addressLocality": fk.city(), "postalCode": fk.postcode()},
        })
    fields = [F("@context"), F("@type"), F("givenName", [NAME]), F("familyName", [NAME]), F("email", [EMAIL]),
              F("telephone", [PHONE]), F("birthDate", [DEMO]), F("gender", [DEMO]), F("nationality.@type"),
              F("nationality.name", [DEMO]), F("jobTitle"), F("worksFor.@type"), F("worksFor.name"),
              F("address.@type"), F("address.streetAddress", [ADDR], place=True),
              F("address.addressLocality", [ADDR], place=True), F("address.postalCode", [ADDR], place=True)]
    return "es_ES", "json", recs, fields


def crm_export(fk, mp, rng, n):
    owners = [fk.name() for _ in range(4)]
    recs = []
    for i in range(n):
        note = fk.sentence(nb_words=8)
        recs.append({
            "Contact ID": "0035g" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(13)),
            "Contact Owner": rng.choice(owners), "First Name": fk.first_name(), "Last Name": fk.last_name(),
            "Title": fk.job(), "Account Name": fk.company(), "Mailing Street": fk.street_address(),
            "Mailing City": fk.city(), "Mailing Zip/Postal Code": fk.postcode(), "Phone": fk.phone_number(),
            "Mobile": fk.phone_number(), "Email": fk.email(), "Lead Source": rng.choice(["Web", "Trade Show", "Partner Referral", "Cold Call"]),
            "Annual Revenue": "%d" % (rng.randint(1, 900) * 10000),
            "Created Date": event(fk, "%m/%d/%Y %I:%M %p"),
            "Description": note if i % 3 else "%s Call back on %s." % (note, fk.phone_number()),
        })
    fields = [F("Contact ID"), F("Contact Owner", [NAME]), F("First Name", [NAME]), F("Last Name", [NAME]),
              F("Title"), F("Account Name"), F("Mailing Street", [ADDR], place=True),
              F("Mailing City", [ADDR], place=True), F("Mailing Zip/Postal Code", [ADDR], place=True),
              F("Phone", [PHONE]), F("Mobile", [PHONE]), F("Email", [EMAIL]), F("Lead Source"),
              F("Annual Revenue"), F("Created Date", time=True), F("Description", [PHONE])]
    return "en_US", "csv", recs, fields


def ja_members(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        last, lkana, _ = fk.last_name_pair()
        first, fkana, _ = fk.first_name_pair()
        recs.append({
            "会員番号": "M%06d" % rng.randint(1, 999999), "氏名": "%s %s" % (last, first),
            "フリガナ": "%s %s" % (lkana, fkana), "生年月日": dob(fk, "%Y/%m/%d"),
            "性別": rng.choice(["男", "女"]), "郵便番号": fk.postcode(),
            "住所": fk.address().replace("\n", " "), "電話番号": fk.phone_number(), "メールアドレス": fk.email(),
            "入会日": at(fk, -5 * 365, 0).strftime("%Y/%m/%d"), "ポイント残高": rng.randint(0, 20000),
        })
    fields = [F("会員番号"), F("氏名", [NAME]), F("フリガナ", [NAME]), F("生年月日", [DEMO]), F("性別", [DEMO]),
              F("郵便番号", [ADDR], place=True), F("住所", [ADDR], place=True), F("電話番号", [PHONE]),
              F("メールアドレス", [EMAIL]), F("入会日"), F("ポイント残高")]
    return "ja_JP", "csv", recs, fields


def ko_members(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "회원ID": fk.user_name(), "이름": mp.full_name(reverse=True).replace(" ", ""),
            "생년월일": dob(fk, "%Y-%m-%d"), "성별": rng.choice(["남", "여"]), "휴대폰": fk.phone_number(),
            "이메일": fk.email(), "주소": fk.address(), "가입일시": event(fk, "%Y-%m-%d %H:%M:%S"),
            "등급": rng.choice(["VIP", "일반", "골드"]),
        })
    fields = [F("회원ID"), F("이름", [NAME]), F("생년월일", [DEMO]), F("성별", [DEMO]), F("휴대폰", [PHONE]),
              F("이메일", [EMAIL]), F("주소", [ADDR], place=True), F("가입일시", time=True), F("등급")]
    return "ko_KR", "tsv", recs, fields


def de_kundenstamm(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        herr = rng.random() < 0.5
        recs.append({
            "Kundennr.": "K-%05d" % rng.randint(1, 99999), "Anrede": "Herr" if herr else "Frau",
            "Vorname": fk.first_name_male() if herr else fk.first_name_female(), "Nachname": fk.last_name(),
            "Straße": fk.street_address(), "PLZ": fk.postcode(), "Ort": fk.city(),
            "Telefon": fk.phone_number(), "E-Mail": fk.email(), "Geburtsdatum": dob(fk, "%d.%m.%Y"),
            "IBAN": fk.iban(), "Kunde seit": at(fk, -10 * 365, 0).strftime("%d.%m.%Y"),
            "Umsatz (EUR)": ("%.2f" % rng.uniform(10, 50000)).replace(".", ","),
        })
    fields = [F("Kundennr."), F("Anrede", [DEMO]), F("Vorname", [NAME]), F("Nachname", [NAME]),
              F("Straße", [ADDR], place=True), F("PLZ", [ADDR], place=True), F("Ort", [ADDR], place=True),
              F("Telefon", [PHONE]), F("E-Mail", [EMAIL]), F("Geburtsdatum", [DEMO]), F("IBAN", [IBAN]),
              F("Kunde seit"), F("Umsatz (EUR)")]
    return "de_DE", "ssv", recs, fields


def fr_clients(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "Civilité": rng.choice(["M.", "Mme"]), "Nom": fk.last_name().upper(), "Prénom": fk.first_name(),
            "Adresse": fk.street_address(), "Code postal": fk.postcode(), "Ville": fk.city(),
            "Téléphone": fk.phone_number(), "Courriel": fk.email(), "Date de naissance": dob(fk, "%d/%m/%Y"),
            "N° de sécurité sociale": valid(fk.ssn, s_nir.is_valid),
            "Montant TTC": ("%.2f €" % rng.uniform(5, 3000)).replace(".", ","),
        })
    fields = [F("Civilité", [DEMO]), F("Nom", [NAME]), F("Prénom", [NAME]), F("Adresse", [ADDR], place=True),
              F("Code postal", [ADDR], place=True), F("Ville", [ADDR], place=True), F("Téléphone", [PHONE]),
              F("Courriel", [EMAIL]), F("Date de naissance", [DEMO]), F("N° de sécurité sociale", [NID]),
              F("Montant TTC")]
    return "fr_FR", "ssv", recs, fields


def br_cadastro(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "nomeCompleto": fk.name(), "cpf": valid(fk.cpf, s_cpf.is_valid),
            "dataNascimento": dob(fk, "%d/%m/%Y"), "sexo": rng.choice(["M", "F"]),
            "endereco": {"logradouro": fk.street_name(), "bairro": fk.bairro(), "cep": fk.postcode(),
                         "cidade": fk.city(), "uf": fk.estado_sigla()},
            "celular": fk.cellphone_number(), "email": fk.email(), "placaVeiculo": fk.license_plate(),
            "situacao": rng.choice(["ativo", "inativo"]),
        })
    fields = [F("nomeCompleto", [NAME]), F("cpf", [NID]), F("dataNascimento", [DEMO]), F("sexo", [DEMO]),
              F("endereco.logradouro", [ADDR], place=True), F("endereco.bairro", [ADDR], place=True),
              F("endereco.cep", [ADDR], place=True), F("endereco.cidade", [ADDR], place=True),
              F("endereco.uf", [ADDR], place=True), F("celular", [PHONE]), F("email", [EMAIL]),
              F("placaVeiculo", [PLATE]), F("situacao")]
    return "pt_BR", "json", recs, fields


def airline_pnr(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        pax = []
        for _ in range(rng.randint(1, 3)):
            pax.append({"lastName": fk.last_name().upper(), "firstName": fk.first_name().upper(),
                        "dateOfBirth": dob(fk, "%Y-%m-%d"), "gender": rng.choice(["M", "F"]),
                        "passport": {"number": fk.passport_number(), "nationality": rng.choice(["GBR", "IRL", "FRA", "USA", "IND"]),
                                     "expiry": at(fk, 30, 9 * 365).date().isoformat()}})
        t0 = at(fk, 0, 90)
        recs.append({
            "recordLocator": "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "passengers": pax,
            "segments": [{"flightNumber": "%s%d" % (rng.choice(["BA", "EI", "VS", "U2"]), rng.randint(10, 2999)),
                          "origin": rng.choice(["LHR", "LGW", "MAN", "EDI"]), "destination": rng.choice(["JFK", "CDG", "DXB", "DEL"]),
                          "departureTime": t0.strftime("%Y-%m-%dT%H:%M")}],
            "contact": {"email": fk.email(), "phone": fk.phone_number()},
            "ticketNumber": "125" + "".join(rng.choice("0123456789") for _ in range(10)),
            "fare": {"total": round(rng.uniform(40, 2500), 2), "currency": "GBP"},
        })
    fields = [F("recordLocator"), F("passengers[].lastName", [NAME]), F("passengers[].firstName", [NAME]),
              F("passengers[].dateOfBirth", [DEMO]), F("passengers[].gender", [DEMO]),
              F("passengers[].passport.number", [PASS]), F("passengers[].passport.nationality", [DEMO]),
              F("passengers[].passport.expiry"), F("segments[].flightNumber"), F("segments[].origin"),
              F("segments[].destination"), F("segments[].departureTime", time=True),
              F("contact.email", [EMAIL]), F("contact.phone", [PHONE]), F("ticketNumber"),
              F("fare.total"), F("fare.currency")]
    return "en_GB", "json", recs, fields


def it_alloggiati(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "Cognome": fk.last_name(), "Nome": fk.first_name(), "Sesso": rng.choice(["M", "F"]),
            "Data di nascita": dob(fk, "%d/%m/%Y"), "Cittadinanza": rng.choice(["Italia", "Germania", "Francia", "Stati Uniti", "Svizzera"]),
            "Codice fiscale": valid(fk.ssn, s_cf.is_valid), "Numero passaporto": fk.passport_number(),
            "Camera": str(rng.randint(101, 520)), "Arrivo": event(fk, "%d/%m/%Y %H:%M"),
            "Notti": rng.randint(1, 14), "Telefono": fk.phone_number(),
        })
    fields = [F("Cognome", [NAME]), F("Nome", [NAME]), F("Sesso", [DEMO]), F("Data di nascita", [DEMO]),
              F("Cittadinanza", [DEMO]), F("Codice fiscale", [NID]), F("Numero passaporto", [PASS]),
              F("Camera"), F("Arrivo", time=True), F("Notti"), F("Telefono", [PHONE])]
    return "it_IT", "csv", recs, fields


def telecom_cdr(fk, mp, rng, n):
    def msisdn():
        return "34" + rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8))
    recs = []
    lat0, lon0 = rng.uniform(36.5, 43.0), rng.uniform(-8.5, 2.5)
    for _ in range(n):
        recs.append({
            "cdr_id": str(rng.getrandbits(60)), "record_type": rng.choice(["MOC", "MTC", "SMS-MO"]),
            "calling_number": msisdn(), "called_number": msisdn(),
            "imsi": "21407" + "".join(rng.choice("0123456789") for _ in range(10)),
            "imei": valid(lambda: luhn_complete(rng, 15), s_imei.is_valid),
            "start_time": epoch(at(fk, -90, 0)),
            "duration_s": rng.randint(0, 3600), "cell_id": "214-07-%d-%d" % (rng.randint(1000, 9999), rng.randint(1, 65535)),
            "cell_lat": round(lat0 + rng.uniform(-0.2, 0.2), 5), "cell_lon": round(lon0 + rng.uniform(-0.2, 0.2), 5),
        })
    fields = [F("cdr_id"), F("record_type"), F("calling_number", [PHONE]), F("called_number", [PHONE]),
              F("imsi", [IMSI]), F("imei", [IMEI]), F("start_time", time=True), F("duration_s"), F("cell_id"),
              F("cell_lat", [LOC], place=True), F("cell_lon", [LOC], place=True)]
    return "es_ES", "csv", recs, fields


def nl_leerlingen(fk, mp, rng, n):
    mentors = [fk.name() for _ in range(3)]
    recs = []
    for _ in range(n):
        recs.append({
            "leerlingnummer": str(rng.randint(100000, 999999)), "voornaam": fk.first_name(),
            "achternaam": fk.last_name(), "geboortedatum": at(fk, -18 * 365, -11 * 365).strftime("%d-%m-%Y"),
            "bsn": valid(fk.ssn, s_bsn.is_valid), "klas": "%d%s" % (rng.randint(1, 6), rng.choice("ABCD")),
            "mentor": rng.choice(mentors), "naam ouder/verzorger": fk.name(), "telefoon ouder": fk.phone_number(),
            "e-mail ouder": fk.email(), "adres": fk.street_address(), "postcode": fk.postcode(), "woonplaats": fk.city(),
            "gemiddeld cijfer": ("%.1f" % rng.uniform(4, 9.5)).replace(".", ","),
        })
    fields = [F("leerlingnummer"), F("voornaam", [NAME]), F("achternaam", [NAME]), F("geboortedatum", [DEMO]),
              F("bsn", [NID]), F("klas"), F("mentor", [NAME]), F("naam ouder/verzorger", [NAME]),
              F("telefoon ouder", [PHONE]), F("e-mail ouder", [EMAIL]), F("adres", [ADDR], place=True),
              F("postcode", [ADDR], place=True), F("woonplaats", [ADDR], place=True), F("gemiddeld cijfer")]
    return "nl_NL", "csv", recs, fields


def zh_shipping(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "订单编号": "%d" % rng.randint(10 ** 17, 10 ** 18 - 1), "收货人": fk.name(), "联系电话": fk.phone_number(),
            "收货地址": {"省份": fk.province(), "城市": fk.city(), "详细地址": fk.street_address()},
            "身份证号码": valid(fk.ssn, s_ric.is_valid), "下单时间": event(fk, "%Y-%m-%d %H:%M:%S"),
            "实付金额": "%.2f" % rng.uniform(1, 5000), "商品名称": rng.choice(["蓝牙耳机", "保温杯", "机械键盘", "运动鞋"]),
        })
    fields = [F("订单编号"), F("收货人", [NAME]), F("联系电话", [PHONE]), F("收货地址.省份", [ADDR], place=True),
              F("收货地址.城市", [ADDR], place=True), F("收货地址.详细地址", [ADDR], place=True),
              F("身份证号码", [NID]), F("下单时间", time=True), F("实付金额"), F("商品名称")]
    return "zh_CN", "ndjson", recs, fields


def in_gym(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "MemberName": fk.name(), "Mobile No": fk.phone_number(), "EmailID": fk.email(),
            "DOB": dob(fk, "%d-%m-%Y"), "Sex": rng.choice(["Male", "Female"]),
            "Residential Address": fk.address().replace("\n", ", "), "Emergency Contact Name": fk.name(),
            "Plan": rng.choice(["Monthly", "Quarterly", "Annual"]), "Fee Paid (INR)": rng.choice([1499, 3999, 11999]),
            "Blood Group": rng.choice(["A+", "B+", "O+", "AB+", "O-"]),
        })
    fields = [F("MemberName", [NAME]), F("Mobile No", [PHONE]), F("EmailID", [EMAIL]), F("DOB", [DEMO]),
              F("Sex", [DEMO]), F("Residential Address", [ADDR], place=True), F("Emergency Contact Name", [NAME]),
              F("Plan"), F("Fee Paid (INR)"), F("Blood Group", [HEALTH])]
    return "en_IN", "csv", recs, fields


# ---------------------------------------------------------------- no personal data

def neg_catalog(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "sku": "%s-%04d-%s" % (rng.choice(["TS", "HD", "KB"]), rng.randint(0, 9999), rng.choice(["S", "M", "L", "XL"])),
            "product_name": fk.catch_phrase(), "isbn": fk.isbn13(), "ean": fk.ean13(),
            "price": "%.2f" % rng.uniform(1, 999), "currency": "EUR", "stock": rng.randint(0, 500),
            "updated_at": at(fk, -365, 0).isoformat() + "Z",
        })
    fields = [F(k) for k in recs[0]]
    return "de_DE", "json", recs, fields


def neg_artifacts(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        blob = rng.getrandbits(256).to_bytes(32, "big")
        recs.append({
            "artifact_id": str(uuid.UUID(int=rng.getrandbits(128))), "package": fk.word() + "-" + fk.word(),
            "version": "%d.%d.%d" % (rng.randint(0, 9), rng.randint(0, 30), rng.randint(0, 99)),
            "commit": hashlib.sha1(blob).hexdigest(), "sha256": hashlib.sha256(blob).hexdigest(),
            "md5": hashlib.md5(blob).hexdigest(), "size_bytes": rng.randint(1000, 10 ** 9),
            "built_at": epoch(at(fk, -365, 0)) * 1000 + fk.random_int(0, 999),
            "build_host": "ci-runner-%02d.build.internal" % rng.randint(1, 40),
        })
    fields = [F(k) for k in recs[0]]
    return "en_US", "ndjson", recs, fields


def neg_ledger(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "Rechnungsnummer": "RE-%d-%05d" % (rng.randint(2020, 2026), rng.randint(1, 99999)),
            "Bestellnummer": not_luhn(rng, 16), "Buchungsdatum": at(fk, -365, 0).strftime("%d.%m.%Y"),
            "Konto": str(rng.choice([1200, 1400, 1600, 8400, 4400])), "Netto": ("%.2f" % rng.uniform(1, 9999)).replace(".", ","),
            "MwSt-Satz": rng.choice(["19%", "7%"]), "GTIN": "0" + fk.ean13(),
            "Kostenstelle": str(rng.randint(100, 999)),
        })
    fields = [F(k) for k in recs[0]]
    return "de_DE", "ssv", recs, fields


def neg_telemetry(fk, mp, rng, n):
    recs = []
    for _ in range(n):
        recs.append({
            "ts": at(fk, -7, 0).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "trace_id": "%032x" % rng.getrandbits(128), "span_id": "%016x" % rng.getrandbits(64),
            "service": rng.choice(["checkout", "search", "inventory"]), "route": rng.choice(["/api/v2/items", "/healthz", "/api/v2/cart"]),
            "status": rng.choice([200, 200, 201, 404, 500]), "latency_ms": round(rng.expovariate(1 / 40), 2),
            "region": rng.choice(["eu-west-1", "ap-northeast-1", "us-east-2"]),
        })
    fields = [F(k) for k in recs[0]]
    return "ja_JP", "ndjson", recs, fields


SCHEMAS = [fhir_patient, fhir_condition, schema_person, crm_export, ja_members, ko_members, de_kundenstamm,
           fr_clients, br_cadastro, airline_pnr, it_alloggiati, telecom_cdr, nl_leerlingen, zh_shipping, in_gym,
           neg_catalog, neg_artifacts, neg_ledger, neg_telemetry]
LOCALE_OF = {"fhir_patient": "en_US", "fhir_condition": "en_GB", "schema_person": "es_ES", "crm_export": "en_US",
             "ja_members": "ja_JP", "ko_members": "ko_KR", "de_kundenstamm": "de_DE", "fr_clients": "fr_FR",
             "br_cadastro": "pt_BR", "airline_pnr": "en_GB", "it_alloggiati": "it_IT", "telecom_cdr": "es_ES",
             "nl_leerlingen": "nl_NL", "zh_shipping": "zh_CN", "in_gym": "en_IN", "neg_catalog": "de_DE",
             "neg_artifacts": "en_US", "neg_ledger": "de_DE", "neg_telemetry": "ja_JP"}
MIMESIS = {"en_US": Locale.EN, "en_GB": Locale.EN_GB, "es_ES": Locale.ES, "ja_JP": Locale.JA, "ko_KR": Locale.KO,
           "de_DE": Locale.DE, "fr_FR": Locale.FR, "pt_BR": Locale.PT_BR, "it_IT": Locale.IT, "nl_NL": Locale.NL,
           "zh_CN": Locale.ZH, "en_IN": Locale.EN}


def profiles(fields):
    cats = {c for f in fields for c in f.cats}
    has_time = any(f.time for f in fields)
    has_place = any(f.place for f in fields)
    prof = set()
    if cats & IDENTIFIERS and has_place and has_time:
        prof.add("tracking")
    if "biometric.face" in cats and (has_time or has_place):
        prof.add("facial_recognition")
    if cats & {IMEI, IMSI, "device.mac"} and has_place and has_time:
        prof.add("device_capture")
    if cats & {NID, PASS} and NAME in cats:
        prof.add("identity_document")
    if any(c.startswith("special.") for c in cats):
        prof.add("special_category")
    return sorted(prof)


def write(path, fmt, records, fields):
    HELDOUT.write(path, fmt, records, [x.path for x in fields])


def main():
    ap = argparse.ArgumentParser(description="blind labelled corpus (real-world schemas)")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--records", type=int, default=30)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    labels = {}
    for i, schema in enumerate(SCHEMAS):
        rng = random.Random(a.seed * 1000 + i)
        loc = LOCALE_OF[schema.__name__]
        fk = Faker(loc)
        fk.seed_instance(a.seed * 1000 + i)
        mp = MPerson(MIMESIS[loc], seed=a.seed * 1000 + i)
        loc, fmt, recs, fields = schema(fk, mp, rng, a.records)
        ext = "csv" if fmt == "ssv" else fmt
        fname = "%s-%s.%s" % (loc, schema.__name__, ext)
        lab = {f.path: sorted(f.cats) for f in fields}
        lab["__profiles__"] = profiles(fields)
        lab["__locale__"], lab["__theme__"] = loc, schema.__name__
        lab["__style__"] = "negative" if schema.__name__.startswith("neg_") else "native"
        labels[fname] = lab
        write(os.path.join(a.out, fname), fmt, recs, fields)
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("%d files in %s" % (len(labels), a.out))


if __name__ == "__main__":
    main()
