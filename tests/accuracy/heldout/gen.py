#!/usr/bin/env python3
"""Held-out labelled corpus: personal data made by Faker and Mimesis.

    gen.py OUT_DIR --seed N [--records N]

Runs inside the venv that run.py makes (Faker, Mimesis, python-stdnum at
the versions pinned in requirements.txt). Writes, for each of 12 locales,
one file per theme (customers, payroll, patients, travel manifest,
checkpoint, face captures, device events, orders, accounts, tickets, and
two files with no personal data), plus OUT_DIR/labels.json in the format
of tests/accuracy/score.py, with three extra keys per file:
`__locale__`, `__theme__`, `__style__`.

Nothing here comes from ajar's own generator (tests/accuracy/synth.py):
values are Faker's and Mimesis' locale providers; national ids are drawn
from them or at random and kept only when python-stdnum validates them.

Field names come in three styles, rotated so that every theme gets each
style in four of the twelve locales: `en` (English, snake_case or
camelCase, sometimes nested under a role object: `buyer.name`), `local`
(the locale's own words; the English locales use their regional words)
and `opaque` (`f3`, `c_07`, `col12` ...). Opaque files keep only the
fields whose values can speak for themselves (a passport number, an
SSN, an age or a plain password under `f4` is unknowable, so they are
left out there).

Same seed, same versions: same bytes.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import string
import uuid

from faker import Faker
from mimesis import Address, Locale, Person
from stdnum.br import cpf as st_cpf
from stdnum.cn import ric as st_ric
from stdnum.de import idnr as st_idnr
from stdnum.es import dni as st_dni, nie as st_nie
from stdnum.fr import nir as st_nir
from stdnum.gb import nhs as st_nhs
from stdnum.in_ import aadhaar as st_aadhaar, pan as st_pan
from stdnum.it import codicefiscale as st_cf
from stdnum.jp import in_ as st_jpin
from stdnum.kr import rrn as st_rrn
from stdnum.nl import bsn as st_bsn
from stdnum.us import ssn as st_ssn
from stdnum import ean, iban as st_iban, luhn

NAME, NID, PASS, DEMO = "identity.name", "identity.national_id", "identity.passport", "identity.demographic"
EMAIL, PHONE, ADDR = "contact.email", "contact.phone", "contact.address"
IMEI, IMSI, MAC, IP, ADID = "device.imei", "device.imsi", "device.mac", "device.ip", "device.advertising_id"
LOC, PLATE, VIN = "location.coordinates", "vehicle.plate", "vehicle.vin"
CARD, IBAN, FACE = "financial.card", "financial.iban", "biometric.face"
HEALTH, SECRET = "special.health", "credential.secret"
# person or device identifiers, for `tracking`; a face (template, crop or
# attributes) identifies its person (GDPR art. 4(14)), so it counts
IDENTIFIERS = {NAME, NID, PASS, EMAIL, PHONE, IMEI, IMSI, MAC, IP, ADID, PLATE, VIN, FACE}

LOCALES = ["zh_CN", "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR",
           "ko_KR", "nl_NL", "en_IN", "ja_JP"]
MIMESIS = {"zh_CN": Locale.ZH, "en_US": Locale.EN, "en_GB": Locale.EN_GB, "de_DE": Locale.DE,
           "fr_FR": Locale.FR, "es_ES": Locale.ES, "it_IT": Locale.IT, "pt_BR": Locale.PT_BR,
           "ko_KR": Locale.KO, "nl_NL": Locale.NL, "en_IN": Locale.EN, "ja_JP": Locale.JA}
LANG = {"zh_CN": "zh", "en_US": "en_us", "en_GB": "en_gb", "de_DE": "de", "fr_FR": "fr",
        "es_ES": "es", "it_IT": "it", "pt_BR": "pt", "ko_KR": "ko", "nl_NL": "nl",
        "en_IN": "en_in", "ja_JP": "ja"}

# ---------------------------------------------------------------------------
# Field names: concept -> English candidates, and per language the words a
# developer of that country would write. Written for this corpus; the
# classifier's lexicon must not be copied from here (that would measure
# the copy, not the rule).
EN = {
    "name": ["name", "full_name", "fullName", "person_name", "display_name"],
    "first_name": ["first_name", "firstName", "given_name"],
    "last_name": ["last_name", "lastName", "surname", "family_name"],
    "birth_date": ["birth_date", "dob", "date_of_birth", "birthDate", "birthday"],
    "age": ["age", "age_years"],
    "gender": ["gender", "sex"],
    "nationality": ["nationality", "citizenship", "country_of_citizenship"],
    "phone": ["phone", "phone_number", "mobile", "contact_phone", "telephone", "cellPhone"],
    "email": ["email", "email_address", "contactEmail", "mail"],
    "address": ["address", "home_address", "shipping_address", "street_address", "mailingAddress"],
    "national_id": ["national_id", "id_number", "citizen_id", "tax_id", "identity_no"],
    "passport": ["passport_no", "passport_number", "passportNumber", "travel_document_no"],
    "plate": ["plate", "plate_no", "license_plate", "plateNumber", "vehicle_plate"],
    "password": ["password", "passwd", "pwd"],
    "password_hash": ["password_hash", "passwordHash", "pwd_digest"],
    "ip": ["ip", "client_ip", "last_login_ip", "remoteAddr"],
    "mac": ["mac", "mac_address", "wifiMac"],
    "imei": ["imei", "device_imei"],
    "adid": ["advertising_id", "idfa", "gaid", "adId"],
    "lat": ["lat", "latitude"],
    "lon": ["lon", "lng", "longitude"],
    "time": ["ts", "timestamp", "created_at", "event_time", "captured_at", "occurredAt"],
    "camera": ["camera_id", "camera", "device_code", "cam_name"],
    "checkpoint": ["checkpoint", "checkpoint_name", "gate", "kakou"],
    "order_no": ["order_no", "order_id", "orderNumber"],
    "price": ["price", "amount", "unit_price", "total"],
    "product": ["product_name", "item_name", "title", "productName"],
    "ean": ["ean", "barcode", "gtin"],
    "isbn": ["isbn", "isbn13"],
    "uuid": ["trace_id", "request_id", "uuid", "event_id"],
    "hash": ["sha256", "checksum", "content_hash"],
    "note": ["note", "remarks", "comment", "message"],
    "subject": ["subject", "summary"],
    "status": ["status", "state"],
    "icd10": ["diagnosis_code", "icd10", "icd_code", "dx_code"],
    "salary": ["salary", "gross_pay", "monthly_salary"],
    "iban": ["iban", "bank_account", "account_iban"],
    "card": ["card_number", "card_no", "pan"],
    "department": ["department", "dept", "unit"],
    "employee_no": ["employee_no", "emp_id", "staff_number"],
    "flight": ["flight_no", "flight", "flight_number"],
    "seat": ["seat", "seat_no"],
    "embedding": ["face_embedding", "feature_vector", "face_feature"],
    "age_estimate": ["age_estimate", "estimated_age", "age_est"],
    "gender_estimate": ["gender_estimate", "estimated_gender", "gender_est"],
    "glasses": ["glasses", "has_glasses"],
    "mask": ["mask", "wearing_mask"],
    "speed": ["speed", "speed_kmh"],
    "direction": ["direction", "heading"],
    "color": ["vehicle_color", "color"],
    "user_agent": ["user_agent", "ua"],
    "app_version": ["app_version", "version"],
    "cpu": ["cpu", "cpu_pct"],
    "host": ["host", "hostname"],
    "latency": ["latency_ms", "p99_ms"],
    "stock": ["stock", "qty", "quantity"],
    "sku": ["sku", "item_code"],
    "ward": ["ward", "room"],
    "doctor": ["doctor", "attending_physician", "doctor_name"],
    "patient_id": ["patient_id", "mrn"],
    "ticket_id": ["ticket_id", "case_no"],
    "username": ["login", "account"],
    "nhs": ["nhs_number", "nhs_no"],
    "pan": ["pan", "pan_no", "pan_number"],
}

# Role prefixes for compound English names (`buyer_name`, `passengerName`).
ROLES = {"customers": "customer", "payroll": "employee", "patients": "patient",
         "travel": "passenger", "orders": "buyer", "accounts": "user", "tickets": "requester",
         "checkpoint": "vehicle", "faces": "face", "devices": "device"}

L = {
 "zh": {"name": ["姓名", "xm", "客户姓名", "真实姓名"], "first_name": ["名"], "last_name": ["姓"],
        "birth_date": ["出生日期", "csrq", "生日"], "age": ["年龄", "nl"], "gender": ["性别", "xb"],
        "nationality": ["国籍", "gj"], "phone": ["手机号", "联系电话", "sjhm", "lxdh"],
        "email": ["电子邮箱", "邮箱"], "address": ["住址", "家庭住址", "收货地址", "dz"],
        "national_id": ["身份证号", "sfzh", "公民身份号码"], "passport": ["护照号码", "hzhm"],
        "plate": ["车牌号", "hphm", "号牌号码"], "password": ["密码", "mm"], "password_hash": ["密码哈希"],
        "ip": ["IP地址", "登录IP"], "mac": ["MAC地址"], "imei": ["手机串号", "imei"], "adid": ["广告标识"],
        "lat": ["纬度", "wd"], "lon": ["经度", "jd"], "time": ["抓拍时间", "时间", "cjsj", "创建时间", "过车时间"],
        "camera": ["摄像头编号", "设备编号", "sbbh"], "checkpoint": ["卡口名称", "卡口", "kkmc"],
        "order_no": ["订单号", "ddh"], "price": ["价格", "金额"], "product": ["商品名称", "spmc"],
        "ean": ["条形码"], "isbn": ["书号"], "uuid": ["流水号", "请求ID"], "hash": ["校验值"],
        "note": ["备注", "bz", "留言"], "subject": ["标题"], "status": ["状态", "zt"],
        "icd10": ["诊断编码", "zdbm", "疾病编码"], "salary": ["工资", "gz", "月薪"], "iban": ["银行账号"],
        "card": ["银行卡号", "yhkh"], "department": ["部门", "bm"], "employee_no": ["工号", "gh"],
        "flight": ["航班号", "hbh"], "seat": ["座位号"], "embedding": ["人脸特征", "rltz", "特征值"],
        "age_estimate": ["年龄估计", "估计年龄"], "gender_estimate": ["性别估计", "估计性别"],
        "glasses": ["眼镜", "是否戴眼镜"], "mask": ["口罩", "是否戴口罩"], "speed": ["车速", "cs"],
        "direction": ["方向", "fx"], "color": ["车身颜色", "csys"], "user_agent": ["浏览器标识"],
        "app_version": ["版本"], "cpu": ["CPU使用率"], "host": ["主机"], "latency": ["延迟"],
        "stock": ["库存"], "sku": ["商品编码"], "ward": ["病区", "bq"], "doctor": ["主治医生", "ys"],
        "patient_id": ["病历号", "blh"], "ticket_id": ["工单号"], "username": ["账号"]},
 "ja": {"name": ["氏名", "名前", "顧客名"], "first_name": ["名"], "last_name": ["姓"],
        "birth_date": ["生年月日", "誕生日"], "age": ["年齢"], "gender": ["性別"], "nationality": ["国籍"],
        "phone": ["電話番号", "携帯電話", "連絡先"], "email": ["メールアドレス", "メール"],
        "address": ["住所", "配送先住所"], "national_id": ["マイナンバー", "個人番号"],
        "passport": ["旅券番号", "パスポート番号"], "plate": ["ナンバープレート", "車両番号"],
        "password": ["パスワード"], "password_hash": ["パスワードハッシュ"], "ip": ["IPアドレス"],
        "mac": ["MACアドレス"], "imei": ["端末識別番号"], "adid": ["広告ID"], "lat": ["緯度"], "lon": ["経度"],
        "time": ["撮影日時", "日時", "作成日時", "登録日時"], "camera": ["カメラID", "カメラ"],
        "checkpoint": ["検問所", "ゲート"], "order_no": ["注文番号"], "price": ["価格", "金額"],
        "product": ["商品名"], "ean": ["JANコード"], "isbn": ["ISBN"], "uuid": ["リクエストID"],
        "hash": ["ハッシュ"], "note": ["備考", "メモ"], "subject": ["件名"], "status": ["状態", "ステータス"],
        "icd10": ["病名コード", "診断コード"], "salary": ["給与", "月給"], "iban": ["口座番号"],
        "card": ["カード番号"], "department": ["部署"], "employee_no": ["社員番号"], "flight": ["便名"],
        "seat": ["座席"], "embedding": ["顔特徴量"], "age_estimate": ["推定年齢"], "gender_estimate": ["推定性別"],
        "glasses": ["眼鏡"], "mask": ["マスク"], "speed": ["速度"], "direction": ["方向"], "color": ["車体色"],
        "user_agent": ["ユーザーエージェント"], "app_version": ["バージョン"], "cpu": ["CPU使用率"],
        "host": ["ホスト"], "latency": ["遅延"], "stock": ["在庫"], "sku": ["品番"], "ward": ["病棟"],
        "doctor": ["担当医"], "patient_id": ["患者番号"], "ticket_id": ["問い合わせ番号"], "username": ["アカウント"]},
 "ko": {"name": ["이름", "성명", "고객명"], "first_name": ["이름"], "last_name": ["성"],
        "birth_date": ["생년월일"], "age": ["나이"], "gender": ["성별"], "nationality": ["국적"],
        "phone": ["전화번호", "휴대폰번호", "연락처"], "email": ["이메일"], "address": ["주소", "배송지"],
        "national_id": ["주민등록번호", "주민번호"], "passport": ["여권번호"], "plate": ["차량번호", "번호판"],
        "password": ["비밀번호"], "password_hash": ["비밀번호해시"], "ip": ["IP주소"], "mac": ["MAC주소"],
        "imei": ["단말기번호"], "adid": ["광고ID"], "lat": ["위도"], "lon": ["경도"],
        "time": ["촬영시각", "일시", "생성일시", "등록일"], "camera": ["카메라ID", "카메라"],
        "checkpoint": ["검문소", "단속지점"], "order_no": ["주문번호"], "price": ["가격", "금액"],
        "product": ["상품명"], "ean": ["바코드"], "isbn": ["ISBN"], "uuid": ["요청ID"], "hash": ["해시"],
        "note": ["비고", "메모"], "subject": ["제목"], "status": ["상태"], "icd10": ["진단코드", "상병코드"],
        "salary": ["급여", "월급"], "iban": ["계좌번호"], "card": ["카드번호"], "department": ["부서"],
        "employee_no": ["사번"], "flight": ["편명"], "seat": ["좌석"], "embedding": ["얼굴특징"],
        "age_estimate": ["추정나이"], "gender_estimate": ["추정성별"], "glasses": ["안경"], "mask": ["마스크"],
        "speed": ["속도"], "direction": ["방향"], "color": ["차량색상"], "user_agent": ["브라우저"],
        "app_version": ["버전"], "cpu": ["CPU"], "host": ["호스트"], "latency": ["지연"], "stock": ["재고"],
        "sku": ["품번"], "ward": ["병동"], "doctor": ["담당의"], "patient_id": ["환자번호"],
        "ticket_id": ["문의번호"], "username": ["계정"]},
 "de": {"name": ["name", "vollstaendiger_name", "kundenname"], "first_name": ["vorname"],
        "last_name": ["nachname", "familienname"], "birth_date": ["geburtsdatum", "geburtstag"],
        "age": ["alter"], "gender": ["geschlecht"], "nationality": ["staatsangehoerigkeit", "nationalitaet"],
        "phone": ["telefon", "telefonnummer", "handynummer", "rufnummer"], "email": ["e_mail", "emailadresse"],
        "address": ["anschrift", "adresse", "lieferadresse", "wohnanschrift"],
        "national_id": ["steuer_id", "steuerliche_identifikationsnummer", "steueridnr"],
        "passport": ["reisepassnummer", "passnummer"], "plate": ["kennzeichen", "kfz_kennzeichen"],
        "password": ["passwort", "kennwort"], "password_hash": ["passwort_hash"], "ip": ["ip_adresse"],
        "mac": ["mac_adresse"], "imei": ["geraete_imei"], "adid": ["werbe_id"], "lat": ["breitengrad"],
        "lon": ["laengengrad"], "time": ["zeitstempel", "erfasst_am", "aufnahmezeit", "erstellt_am"],
        "camera": ["kamera_id", "kamera"], "checkpoint": ["kontrollpunkt", "kontrollstelle"],
        "order_no": ["bestellnummer"], "price": ["preis", "betrag"], "product": ["produktname", "artikel"],
        "ean": ["ean", "strichcode"], "isbn": ["isbn"], "uuid": ["anfrage_id"], "hash": ["pruefsumme"],
        "note": ["bemerkung", "notiz", "nachricht"], "subject": ["betreff"], "status": ["status"],
        "icd10": ["diagnoseschluessel", "icd_code"], "salary": ["gehalt", "bruttolohn"], "iban": ["iban", "kontonummer"],
        "card": ["kartennummer"], "department": ["abteilung"], "employee_no": ["personalnummer"],
        "flight": ["flugnummer"], "seat": ["sitzplatz"], "embedding": ["gesichtsmerkmale"],
        "age_estimate": ["geschaetztes_alter"], "gender_estimate": ["geschaetztes_geschlecht"],
        "glasses": ["brille"], "mask": ["maske"], "speed": ["geschwindigkeit"], "direction": ["richtung"],
        "color": ["fahrzeugfarbe"], "user_agent": ["browserkennung"], "app_version": ["version"],
        "cpu": ["cpu_last"], "host": ["rechner"], "latency": ["latenz_ms"], "stock": ["bestand"],
        "sku": ["artikelnummer"], "ward": ["station"], "doctor": ["behandelnder_arzt"],
        "patient_id": ["patientennummer"], "ticket_id": ["vorgangsnummer"], "username": ["benutzerkonto"]},
 "fr": {"name": ["nom_complet", "nom_client"], "first_name": ["prenom"], "last_name": ["nom", "nom_de_famille"],
        "birth_date": ["date_naissance", "date_de_naissance"], "age": ["age"], "gender": ["sexe", "genre"],
        "nationality": ["nationalite"], "phone": ["telephone", "numero_telephone", "portable"],
        "email": ["courriel", "adresse_mail"], "address": ["adresse", "adresse_postale", "adresse_livraison"],
        "national_id": ["numero_securite_sociale", "nir", "num_secu"], "passport": ["numero_passeport"],
        "plate": ["immatriculation", "plaque"], "password": ["mot_de_passe", "mdp"],
        "password_hash": ["empreinte_mot_de_passe"], "ip": ["adresse_ip"], "mac": ["adresse_mac"],
        "imei": ["imei_appareil"], "adid": ["identifiant_publicitaire"], "lat": ["latitude"], "lon": ["longitude"],
        "time": ["horodatage", "date_heure", "cree_le", "date_capture"], "camera": ["camera", "id_camera"],
        "checkpoint": ["point_de_controle", "poste_controle"], "order_no": ["numero_commande"],
        "price": ["prix", "montant"], "product": ["nom_produit", "article"], "ean": ["code_barre"],
        "isbn": ["isbn"], "uuid": ["id_requete"], "hash": ["empreinte"], "note": ["remarque", "commentaire"],
        "subject": ["objet"], "status": ["statut", "etat"], "icd10": ["code_cim10", "code_diagnostic"],
        "salary": ["salaire", "salaire_brut"], "iban": ["iban", "rib"], "card": ["numero_carte"],
        "department": ["service"], "employee_no": ["matricule"], "flight": ["numero_vol"], "seat": ["siege"],
        "embedding": ["empreinte_faciale", "vecteur_visage"], "age_estimate": ["age_estime"],
        "gender_estimate": ["sexe_estime"], "glasses": ["lunettes"], "mask": ["masque"], "speed": ["vitesse"],
        "direction": ["sens"], "color": ["couleur_vehicule"], "user_agent": ["agent_utilisateur"],
        "app_version": ["version"], "cpu": ["charge_cpu"], "host": ["hote"], "latency": ["latence_ms"],
        "stock": ["stock"], "sku": ["reference"], "ward": ["chambre"], "doctor": ["medecin_traitant"],
        "patient_id": ["numero_dossier"], "ticket_id": ["numero_ticket"], "username": ["identifiant"]},
 "es": {"name": ["nombre_completo", "nombre_cliente"], "first_name": ["nombre"],
        "last_name": ["apellidos", "primer_apellido"], "birth_date": ["fecha_nacimiento", "fecha_de_nacimiento"],
        "age": ["edad"], "gender": ["sexo", "genero"], "nationality": ["nacionalidad"],
        "phone": ["telefono", "movil", "numero_telefono"], "email": ["correo", "correo_electronico"],
        "address": ["direccion", "domicilio", "direccion_envio"], "national_id": ["dni", "nie", "documento_identidad"],
        "passport": ["numero_pasaporte", "pasaporte"], "plate": ["matricula"], "password": ["contrasena", "clave"],
        "password_hash": ["hash_contrasena"], "ip": ["direccion_ip"], "mac": ["direccion_mac"],
        "imei": ["imei_dispositivo"], "adid": ["id_publicidad"], "lat": ["latitud"], "lon": ["longitud"],
        "time": ["fecha_hora", "marca_tiempo", "creado_en", "fecha_captura"], "camera": ["camara", "id_camara"],
        "checkpoint": ["punto_control", "control"], "order_no": ["numero_pedido"], "price": ["precio", "importe"],
        "product": ["nombre_producto", "articulo"], "ean": ["codigo_barras"], "isbn": ["isbn"],
        "uuid": ["id_solicitud"], "hash": ["huella"], "note": ["observaciones", "comentario", "nota"],
        "subject": ["asunto"], "status": ["estado"], "icd10": ["codigo_diagnostico", "cie10"],
        "salary": ["salario", "sueldo"], "iban": ["iban", "cuenta_bancaria"], "card": ["numero_tarjeta"],
        "department": ["departamento"], "employee_no": ["numero_empleado"], "flight": ["numero_vuelo"],
        "seat": ["asiento"], "embedding": ["rasgos_faciales", "vector_rostro"], "age_estimate": ["edad_estimada"],
        "gender_estimate": ["sexo_estimado"], "glasses": ["gafas"], "mask": ["mascarilla"],
        "speed": ["velocidad"], "direction": ["sentido"], "color": ["color_vehiculo"],
        "user_agent": ["agente_usuario"], "app_version": ["version"], "cpu": ["uso_cpu"], "host": ["servidor"],
        "latency": ["latencia_ms"], "stock": ["existencias"], "sku": ["referencia"], "ward": ["habitacion"],
        "doctor": ["medico"], "patient_id": ["numero_historia"], "ticket_id": ["numero_incidencia"],
        "username": ["usuario"]},
 "it": {"name": ["nome_completo", "nominativo"], "first_name": ["nome"], "last_name": ["cognome"],
        "birth_date": ["data_nascita", "data_di_nascita"], "age": ["eta"], "gender": ["sesso", "genere"],
        "nationality": ["nazionalita", "cittadinanza"], "phone": ["telefono", "cellulare", "recapito_telefonico"],
        "email": ["posta_elettronica", "indirizzo_email"], "address": ["indirizzo", "residenza", "indirizzo_spedizione"],
        "national_id": ["codice_fiscale", "cod_fisc"], "passport": ["numero_passaporto"], "plate": ["targa"],
        "password": ["parola_chiave", "password"], "password_hash": ["hash_password"], "ip": ["indirizzo_ip"],
        "mac": ["indirizzo_mac"], "imei": ["imei_dispositivo"], "adid": ["id_pubblicitario"],
        "lat": ["latitudine"], "lon": ["longitudine"], "time": ["data_ora", "orario", "creato_il", "rilevato_il"],
        "camera": ["telecamera", "id_telecamera"], "checkpoint": ["varco", "posto_di_controllo"],
        "order_no": ["numero_ordine"], "price": ["prezzo", "importo"], "product": ["nome_prodotto", "articolo"],
        "ean": ["codice_a_barre"], "isbn": ["isbn"], "uuid": ["id_richiesta"], "hash": ["impronta"],
        "note": ["note", "commento", "messaggio"], "subject": ["oggetto"], "status": ["stato"],
        "icd10": ["codice_diagnosi", "icd10"], "salary": ["stipendio", "retribuzione"], "iban": ["iban", "conto"],
        "card": ["numero_carta"], "department": ["reparto"], "employee_no": ["matricola"],
        "flight": ["numero_volo"], "seat": ["posto"], "embedding": ["vettore_volto"], "age_estimate": ["eta_stimata"],
        "gender_estimate": ["sesso_stimato"], "glasses": ["occhiali"], "mask": ["mascherina"],
        "speed": ["velocita"], "direction": ["direzione"], "color": ["colore_veicolo"],
        "user_agent": ["agente_utente"], "app_version": ["versione"], "cpu": ["carico_cpu"], "host": ["server"],
        "latency": ["latenza_ms"], "stock": ["giacenza"], "sku": ["codice_articolo"], "ward": ["stanza"],
        "doctor": ["medico_curante"], "patient_id": ["numero_cartella"], "ticket_id": ["numero_pratica"],
        "username": ["utenza"]},
 "pt": {"name": ["nome_completo", "nome_cliente"], "first_name": ["primeiro_nome", "nome"],
        "last_name": ["sobrenome"], "birth_date": ["data_nascimento", "data_de_nascimento"], "age": ["idade"],
        "gender": ["sexo", "genero"], "nationality": ["nacionalidade"], "phone": ["telefone", "celular", "fone"],
        "email": ["email", "correio_eletronico"], "address": ["endereco", "logradouro", "endereco_entrega"],
        "national_id": ["cpf", "numero_cpf"], "passport": ["numero_passaporte", "passaporte"], "plate": ["placa"],
        "password": ["senha"], "password_hash": ["hash_senha"], "ip": ["endereco_ip"], "mac": ["endereco_mac"],
        "imei": ["imei_aparelho"], "adid": ["id_anuncio"], "lat": ["latitude"], "lon": ["longitude"],
        "time": ["data_hora", "criado_em", "registrado_em", "horario"], "camera": ["camera", "id_camera"],
        "checkpoint": ["posto_fiscalizacao", "ponto_controle"], "order_no": ["numero_pedido"],
        "price": ["preco", "valor"], "product": ["nome_produto"], "ean": ["codigo_barras"], "isbn": ["isbn"],
        "uuid": ["id_requisicao"], "hash": ["resumo"], "note": ["observacao", "comentario", "mensagem"],
        "subject": ["assunto"], "status": ["situacao"], "icd10": ["cid10", "codigo_cid"],
        "salary": ["salario"], "iban": ["conta_bancaria"], "card": ["numero_cartao"], "department": ["setor"],
        "employee_no": ["matricula"], "flight": ["numero_voo"], "seat": ["assento"],
        "embedding": ["vetor_facial"], "age_estimate": ["idade_estimada"], "gender_estimate": ["sexo_estimado"],
        "glasses": ["oculos"], "mask": ["mascara"], "speed": ["velocidade"], "direction": ["sentido"],
        "color": ["cor_veiculo"], "user_agent": ["agente_usuario"], "app_version": ["versao"], "cpu": ["uso_cpu"],
        "host": ["servidor"], "latency": ["latencia_ms"], "stock": ["estoque"], "sku": ["codigo_produto"],
        "ward": ["leito"], "doctor": ["medico_responsavel"], "patient_id": ["prontuario"],
        "ticket_id": ["protocolo"], "username": ["usuario"]},
 "nl": {"name": ["naam", "volledige_naam", "klantnaam"], "first_name": ["voornaam"], "last_name": ["achternaam"],
        "birth_date": ["geboortedatum"], "age": ["leeftijd"], "gender": ["geslacht"], "nationality": ["nationaliteit"],
        "phone": ["telefoonnummer", "mobiel", "telefoon"], "email": ["e_mailadres", "emailadres"],
        "address": ["adres", "woonadres", "bezorgadres"], "national_id": ["bsn", "burgerservicenummer"],
        "passport": ["paspoortnummer"], "plate": ["kenteken"], "password": ["wachtwoord"],
        "password_hash": ["wachtwoord_hash"], "ip": ["ip_adres"], "mac": ["mac_adres"], "imei": ["toestel_imei"],
        "adid": ["advertentie_id"], "lat": ["breedtegraad"], "lon": ["lengtegraad"],
        "time": ["tijdstip", "aangemaakt_op", "opnametijd", "datum_tijd"], "camera": ["camera", "camera_id"],
        "checkpoint": ["controlepunt"], "order_no": ["bestelnummer"], "price": ["prijs", "bedrag"],
        "product": ["productnaam", "artikel"], "ean": ["streepjescode"], "isbn": ["isbn"],
        "uuid": ["verzoek_id"], "hash": ["controlegetal"], "note": ["opmerking", "notitie", "bericht"],
        "subject": ["onderwerp"], "status": ["status"], "icd10": ["diagnosecode"], "salary": ["salaris", "brutoloon"],
        "iban": ["iban", "rekeningnummer"], "card": ["kaartnummer"], "department": ["afdeling"],
        "employee_no": ["personeelsnummer"], "flight": ["vluchtnummer"], "seat": ["stoel"],
        "embedding": ["gezichtskenmerken"], "age_estimate": ["geschatte_leeftijd"],
        "gender_estimate": ["geschat_geslacht"], "glasses": ["bril"], "mask": ["mondkapje"], "speed": ["snelheid"],
        "direction": ["richting"], "color": ["kleur_voertuig"], "user_agent": ["browser"], "app_version": ["versie"],
        "cpu": ["cpu_belasting"], "host": ["server"], "latency": ["vertraging_ms"], "stock": ["voorraad"],
        "sku": ["artikelnummer"], "ward": ["afdeling_zorg"], "doctor": ["behandelend_arts"],
        "patient_id": ["patientnummer"], "ticket_id": ["meldingsnummer"], "username": ["gebruiker"]},
}
# The English locales: regional words and camelCase where a US, UK or
# Indian developer would write them.
L["en_us"] = {"name": ["customerName", "holderName", "fullname"], "phone": ["phoneNumber", "cell", "workPhone"],
              "address": ["streetAddress", "homeAddr", "address1"], "national_id": ["ssn", "socialSecurityNumber", "ssn_last9"],
              "birth_date": ["birthdate", "DOB"], "gender": ["genderCode"], "plate": ["tag_number", "licensePlate"],
              "time": ["createdAt", "eventTs", "capturedAt"], "zip": ["zip_code"], "note": ["notes", "freeText"],
              "passport": ["passportNo"], "salary": ["annualSalary"], "nationality": ["citizenshipCountry"]}
L["en_gb"] = {"name": ["forename_surname", "customer"], "first_name": ["forename"], "last_name": ["surname"],
              "phone": ["mobile_no", "tel_no", "landline"], "address": ["address_line", "home_addr", "postal_address"],
              "national_id": ["nino", "ni_number", "national_insurance_no"], "birth_date": ["dob", "date_of_birth"],
              "plate": ["registration", "vrm", "reg_no"], "time": ["timestamp", "logged_at"],
              "nhs": ["nhs_number", "nhs_no"], "note": ["notes"], "passport": ["passport_no"], "salary": ["salary_gbp"]}
L["en_in"] = {"name": ["custName", "applicantName", "candidate_name"], "phone": ["mobileNo", "contactNo", "mob"],
              "address": ["permanentAddress", "correspondence_address"], "national_id": ["aadhaarNo", "aadhaar_number", "uid"],
              "pan": ["panNo", "pan_card"], "birth_date": ["dateOfBirth", "dob"], "plate": ["vehicleRegNo", "rc_number"],
              "time": ["createdOn", "txnTime"], "gender": ["genderType"], "passport": ["passportNo"], "note": ["remarks"],
              "salary": ["ctc", "salaryInr"], "nationality": ["nationality"]}

# ---------------------------------------------------------------------------
# Values

GENDER = {"zh": [["男", "女"]], "ja": [["男性", "女性"], ["男", "女"]], "ko": [["남", "여"], ["남성", "여성"]],
          "de": [["männlich", "weiblich"], ["m", "w"]], "fr": [["Homme", "Femme"], ["H", "F"]],
          "es": [["Hombre", "Mujer"], ["H", "M"]], "it": [["Maschio", "Femmina"], ["M", "F"]],
          "pt": [["Masculino", "Feminino"], ["M", "F"]], "nl": [["man", "vrouw"], ["M", "V"]],
          "en_us": [["male", "female"], ["M", "F"]], "en_gb": [["Male", "Female"], ["M", "F"]],
          "en_in": [["Male", "Female"], ["M", "F"]]}

NOTE_TEMPLATES = {
    "zh": ["请联系{p}，{t}", "客户邮箱 {e}，{t}", "{t} 电话：{p}，邮箱：{e}"],
    "ja": ["{t} 連絡先は{p}です。", "メール {e} までご連絡ください。{t}", "電話 {p} / メール {e}。{t}"],
    "ko": ["{t} 연락처: {p}", "이메일 {e}로 연락 바랍니다. {t}", "전화 {p}, 이메일 {e}. {t}"],
    "de": ["{t} Bitte Rückruf unter {p}.", "Kunde erreichbar per E-Mail {e}. {t}", "Tel. {p}, Mail {e}. {t}"],
    "fr": ["{t} Rappeler au {p}.", "Contact par courriel : {e}. {t}", "Tél. {p} ou {e}. {t}"],
    "es": ["{t} Llamar al {p}.", "Escribir a {e}. {t}", "Tel. {p}, correo {e}. {t}"],
    "it": ["{t} Richiamare al {p}.", "Scrivere a {e}. {t}", "Tel. {p}, email {e}. {t}"],
    "pt": ["{t} Ligar para {p}.", "Enviar para {e}. {t}", "Tel. {p}, e-mail {e}. {t}"],
    "nl": ["{t} Bel terug op {p}.", "Mail naar {e}. {t}", "Tel. {p}, e-mail {e}. {t}"],
    "en": ["{t} Call back on {p}.", "Reach the customer at {e}. {t}", "Phone {p} or email {e}. {t}"],
}


def lang_family(lang):
    return "en" if lang.startswith("en") else lang


class Ctx:
    def __init__(self, locale, seed):
        self.locale, self.lang = locale, LANG[locale]
        self.rng = random.Random("%s/%d" % (locale, seed))
        self.fk = Faker(locale)
        self.fk.seed_instance(self.rng.randrange(1 << 30))
        ms = self.rng.randrange(1 << 30)
        self.mp, self.ma = Person(MIMESIS[locale], seed=ms), Address(MIMESIS[locale], seed=ms)

    # -- people
    def name(self):
        return self.fk.name() if self.rng.random() < 0.6 else self.mp.full_name()

    def first(self):
        return self.fk.first_name() if self.rng.random() < 0.6 else self.mp.first_name()

    def last(self):
        return self.fk.last_name() if self.rng.random() < 0.6 else self.mp.last_name()

    def phone(self):
        return self.fk.phone_number() if self.rng.random() < 0.7 else self.mp.telephone()

    def email(self):
        return self.fk.email() if self.rng.random() < 0.6 else self.mp.email()

    def address(self):
        if self.rng.random() < 0.7:
            return self.fk.address().replace("\n", ", ")
        return self.ma.address() + ", " + self.ma.city()

    def birth(self, fmt):
        d = self.fk.date_of_birth(minimum_age=1, maximum_age=95)
        return d.strftime(fmt).replace("{Y}", str(d.year)).replace("{m}", str(d.month)).replace("{d}", str(d.day))

    def nationality(self, mode):
        if mode == "code":
            return self.fk.country_code(representation=self.rng.choice(["alpha-2", "alpha-3"]))
        return self.fk.country()

    # -- national ids, kept only when python-stdnum validates them
    def national_id(self):
        return NATIONAL_ID[self.locale](self)

    def digits(self, n, first_nonzero=True):
        s = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return s + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))


def _until(ctx, make, valid, tries=5000):
    for _ in range(tries):
        v = make()
        try:
            if valid(v):
                return v
        except Exception:
            pass
    raise RuntimeError("no valid value for %s" % ctx.locale)


def _steuer(c):
    def make():
        return (lambda b: b + st_idnr.mod_11_10.calc_check_digit(b))(c.digits(10))
    return _until(c, make, st_idnr.is_valid)


def _jpin(c):
    b = c.digits(11, False)
    return b + st_jpin.calc_check_digit(b)


def _nino(c):
    # HMRC format: two prefix letters (not D F I Q U V; second not O;
    # not BG GB KN NK NT TN ZZ), six digits, suffix A-D. No check digit.
    ok1, ok2 = "ABCEGHJKLMNOPRSTWXYZ", "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = c.rng.choice(ok1) + c.rng.choice(ok2)
        if p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    v = p + c.digits(6, False) + c.rng.choice("ABCD")
    return v if c.rng.random() < 0.5 else "%s %s %s %s %s" % (v[:2], v[2:4], v[4:6], v[6:8], v[8])


def _nhs(c):
    def make():
        b = c.digits(9)
        return b + str((11 - sum(int(x) * (10 - i) for i, x in enumerate(b)) % 11) % 11)
    v = _until(c, make, st_nhs.is_valid)
    return v if c.rng.random() < 0.5 else "%s %s %s" % (v[:3], v[3:6], v[6:])


def _pan(c):
    def make():
        return ("".join(c.rng.choice(string.ascii_uppercase) for _ in range(3)) + c.rng.choice("PCHFATBLJG")
                + c.rng.choice(string.ascii_uppercase) + c.digits(4, False) + c.rng.choice(string.ascii_uppercase))
    return _until(c, make, st_pan.is_valid)


def _es(c):
    if c.rng.random() < 0.7:
        return _until(c, c.fk.nif, lambda v: st_dni.is_valid(v))
    return _until(c, c.fk.nie, st_nie.is_valid)


NATIONAL_ID = {
    "zh_CN": lambda c: _until(c, c.fk.ssn, st_ric.is_valid),
    "en_US": lambda c: _until(c, c.fk.ssn, st_ssn.is_valid),
    "en_GB": _nino,
    "de_DE": _steuer,
    "fr_FR": lambda c: _until(c, c.fk.ssn, st_nir.is_valid),
    "es_ES": _es,
    "it_IT": lambda c: _until(c, c.fk.ssn, st_cf.is_valid),
    "pt_BR": lambda c: _until(c, c.fk.cpf, st_cpf.is_valid),
    "ko_KR": lambda c: _until(c, c.fk.ssn, st_rrn.is_valid),
    "nl_NL": lambda c: _until(c, c.fk.ssn, st_bsn.is_valid),
    "en_IN": lambda c: _until(c, c.fk.aadhaar_id, st_aadhaar.is_valid),
    "ja_JP": _jpin,
}
# ids with a check digit (or a structure) that a column of values proves;
# others (US SSN, UK NINO) need the field name
SELF_EVIDENT_ID = {"zh_CN", "fr_FR", "es_ES", "it_IT", "pt_BR", "ko_KR", "en_IN"}

BIRTH_FMT = {"zh": ["%Y-%m-%d", "{Y}年{m}月{d}日", "%Y%m%d"], "ja": ["%Y-%m-%d", "{Y}年{m}月{d}日", "%Y/%m/%d"],
             "ko": ["%Y-%m-%d", "%Y.%m.%d", "{Y}년 {m}월 {d}일"], "de": ["%d.%m.%Y", "%Y-%m-%d"],
             "fr": ["%d/%m/%Y", "%Y-%m-%d"], "es": ["%d/%m/%Y", "%Y-%m-%d"], "it": ["%d/%m/%Y", "%Y-%m-%d"],
             "pt": ["%d/%m/%Y", "%Y-%m-%d"], "nl": ["%d-%m-%Y", "%Y-%m-%d"], "en_us": ["%m/%d/%Y", "%Y-%m-%d"],
             "en_gb": ["%d/%m/%Y", "%Y-%m-%d"], "en_in": ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"]}
TIME_FMT = {"zh": ["%Y-%m-%d %H:%M:%S", "{Y}年{m}月{d}日 %H:%M"], "ja": ["%Y/%m/%d %H:%M:%S", "{Y}年{m}月{d}日 %H時%M分"],
            "ko": ["%Y-%m-%d %H:%M:%S", "%Y.%m.%d %H:%M"], "de": ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"],
            "fr": ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %Hh%M"], "es": ["%d/%m/%Y %H:%M:%S"], "it": ["%d/%m/%Y %H:%M:%S"],
            "pt": ["%d/%m/%Y %H:%M:%S"], "nl": ["%d-%m-%Y %H:%M:%S"], "en_us": ["%m/%d/%Y %I:%M:%S %p"],
            "en_gb": ["%d/%m/%Y %H:%M:%S"], "en_in": ["%d-%m-%Y %H:%M:%S", "%d/%m/%Y %I:%M %p"]}


def fmt_date(d, f):
    return d.strftime(f).replace("{Y}", str(d.year)).replace("{m}", str(d.month)).replace("{d}", str(d.day))


class Kind:
    """concept, categories, value maker (ctx, state) -> value, flags."""

    def __init__(self, concept, cats, make, opaque=True, time=False, place=False, init=None, csv_ok=True):
        self.concept, self.cats, self.make = concept, None if cats is None else list(cats), make
        self.opaque, self.time, self.place, self.init = opaque, time, place, init or (lambda c: {})
        self.csv_ok = csv_ok


def _time_init(c):
    mode = c.rng.choice(["epoch_s", "epoch_ms", "iso", "isoz", "locale", "locale"])
    return {"mode": mode, "fmt": c.rng.choice(TIME_FMT[c.lang]), "t0": c.rng.randint(1672531200, 1735689600)}


def _time(c, s):
    s["t0"] += c.rng.randint(1, 900)
    t = dt.datetime.fromtimestamp(s["t0"], dt.timezone.utc)
    m = s["mode"]
    if m == "epoch_s":
        return s["t0"]
    if m == "epoch_ms":
        return s["t0"] * 1000 + c.rng.randint(0, 999)
    if m == "iso":
        return t.astimezone(dt.timezone(dt.timedelta(hours=c.rng.choice([-5, 0, 1, 8, 9])))).isoformat()
    if m == "isoz":
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % c.rng.randint(0, 999)
    return fmt_date(t, s["fmt"])


def _note(c, s):
    fam = lang_family(c.lang)
    t = c.fk.sentence(nb_words=8)
    r = c.rng.random()
    if r < 0.25:
        return t
    tpl = NOTE_TEMPLATES[fam][c.rng.randrange(3)]
    s.setdefault("cats", set()).update(({PHONE} if "{p}" in tpl else set()) | ({EMAIL} if "{e}" in tpl else set()))
    return tpl.format(p=c.phone(), e=c.email(), t=t)


def _icd10(c, s):
    letter = c.rng.choice("ABCDEFGHIJKLMNOPQRSTZ")
    code = letter + "%02d" % c.rng.randint(0, 99)
    return code + ("." + str(c.rng.randint(0, 9)) if c.rng.random() < 0.6 else "")


def _embedding(c, s):
    v = [c.rng.gauss(0, 1) for _ in range(s["dim"])]
    n = sum(x * x for x in v) ** 0.5
    return [round(x / n, 6) for x in v]


def _non_luhn(c, s):
    while True:
        v = c.digits(16)
        if not luhn.is_valid(v):
            return v


def _ean(c, s):
    b = c.digits(12)
    return b + ean.calc_check_digit(b)


def _isbn(c, s):
    b = "978" + c.digits(9, False)
    return b + ean.calc_check_digit(b)  # an ISBN-13 is an EAN-13


def _card(c, s):
    return c.fk.credit_card_number()


def _pwhash(c, s):
    if s["k"] == "sha256":
        return hashlib.sha256(c.fk.password().encode()).hexdigest()
    if s["k"] == "md5":
        return hashlib.md5(c.fk.password().encode()).hexdigest()
    salt = base64.b64encode(bytes(c.rng.randrange(256) for _ in range(16))).decode()[:22].replace("+", ".")
    body = base64.b64encode(bytes(c.rng.randrange(256) for _ in range(23))).decode()[:31].replace("+", ".")
    return "$2b$12$" + salt + body


def _plate(c, s):
    return c.fk.license_plate()


def _latlon(c, s, which):
    if "ll" not in s or s.get("used", 0) >= 2:
        la, lo = c.fk.local_latlng(country_code=c.locale[-2:].replace("GB", "GB"), coords_only=True) or (c.fk.latitude(), c.fk.longitude())
        s["ll"] = (float(la) + c.rng.uniform(-0.05, 0.05), float(lo) + c.rng.uniform(-0.05, 0.05))
        s["used"] = 0
    s["used"] += 1
    return round(s["ll"][0 if which == "lat" else 1], 6)


def _uuid(c, s):
    return str(uuid.UUID(int=c.rng.getrandbits(128), version=4))


def _hash(c, s):
    return hashlib.sha256(str(c.rng.random()).encode()).hexdigest()


def _mac(c, s):
    return ":".join("%02x" % c.rng.randrange(256) for _ in range(6))


def _imei(c, s):
    b = c.rng.choice(["35", "86", "01", "99"]) + c.digits(12, False)
    return b + luhn.calc_check_digit(b)


def _camera(c, s):
    if c.lang == "zh":
        return "3401%02d%02d00%02d3%02d%05d" % (c.rng.randint(1, 20), c.rng.randint(1, 30), 11, c.rng.randint(1, 31), c.rng.randint(1, 99999))
    return "CAM-%s-%03d" % (c.fk.city()[:8].upper().replace(" ", ""), c.rng.randint(1, 400))


def _checkpoint(c, s):
    return "%s %s" % (c.fk.street_name(), c.rng.choice(["N", "S", "E", "W", "1", "2"]))


KINDS = {}


def kind(key, *a, **kw):
    KINDS[key] = Kind(key.split("/")[0], *a, **kw)


kind("name", [NAME], lambda c, s: c.name())
kind("first_name", [NAME], lambda c, s: c.first())
kind("last_name", [NAME], lambda c, s: c.last())
kind("doctor", [NAME], lambda c, s: c.name())
kind("birth_date", [DEMO], lambda c, s: fmt_date(c.fk.date_of_birth(minimum_age=1, maximum_age=95), s["f"]),
     init=lambda c: {"f": c.rng.choice(BIRTH_FMT[c.lang])})
kind("age", [DEMO], lambda c, s: c.rng.randint(1, 95), opaque=False)
kind("gender", [DEMO], lambda c, s: c.rng.choice(s["v"]), init=lambda c: {"v": c.rng.choice(GENDER[c.lang])})
kind("nationality", [DEMO], lambda c, s: c.nationality(s["m"]), init=lambda c: {"m": c.rng.choice(["name", "code"])})
kind("phone", [PHONE], lambda c, s: c.phone())
kind("email", [EMAIL], lambda c, s: c.email())
kind("address", [ADDR], lambda c, s: c.address(), place=True)
kind("national_id", [NID], lambda c, s: c.national_id())
kind("nhs", [NID], lambda c, s: _nhs(c), opaque=False)
kind("pan", [NID], lambda c, s: _pan(c))
kind("passport", [PASS], lambda c, s: c.fk.passport_number(), opaque=False)
kind("plate", [PLATE], _plate)
kind("password", [SECRET], lambda c, s: c.fk.password(length=c.rng.randint(8, 14)), opaque=False)
kind("password_hash", [SECRET], _pwhash, init=lambda c: {"k": c.rng.choice(["bcrypt", "sha256", "md5"])})
kind("ip", [IP], lambda c, s: c.fk.ipv4_public() if c.rng.random() < 0.8 else c.fk.ipv6())
kind("mac", [MAC], _mac)
kind("imei", [IMEI], _imei)
kind("adid", [ADID], _uuid, opaque=False)
kind("lat", [LOC], lambda c, s: _latlon(c, s["g"], "lat"), place=True)
kind("lon", [LOC], lambda c, s: _latlon(c, s["g"], "lon"), place=True)
kind("geo", [LOC], lambda c, s: dict(zip(("lat", "lon"), (_latlon(c, s["g"], "lat"), _latlon(c, s["g"], "lon")))),
     place=True, csv_ok=False)
kind("latlon_csv", [LOC], lambda c, s: "%.6f,%.6f" % (_latlon(c, s["g"], "lat"), _latlon(c, s["g"], "lon")),
     place=True)
kind("time", [], _time, time=True, init=_time_init)
kind("camera", [], lambda c, s: _camera(c, s), place=True)
kind("checkpoint", [], lambda c, s: _checkpoint(c, s), place=True)
kind("order_no", [], _non_luhn)
kind("price", [], lambda c, s: round(c.rng.uniform(0.5, 2000), 2))
kind("product", [], lambda c, s: c.fk.catch_phrase() if c.rng.random() < 0.5 else c.fk.word().title() + " " + c.fk.word())
kind("ean", [], _ean)
kind("isbn", [], _isbn)
kind("uuid", [], _uuid)
kind("hash", [], _hash)
kind("note", None, _note)  # categories computed from the values written
kind("subject", [], lambda c, s: c.fk.sentence(nb_words=5))
kind("status", [], lambda c, s: c.rng.choice(["open", "closed", "pending", "ok", "failed"]))
kind("icd10", [HEALTH], _icd10)
kind("salary", [], lambda c, s: c.rng.randint(1800, 12000) * (100 if c.lang in ("ja", "ko") else 1))
kind("iban", [IBAN], lambda c, s: _until(c, c.fk.iban, st_iban.is_valid))
kind("card", [CARD], _card)
kind("department", [], lambda c, s: c.fk.job()[:30] if c.rng.random() < 0.5 else c.rng.choice(["R&D", "Sales", "HR", "Ops", "Finance"]))
kind("employee_no", [], lambda c, s: "E%06d" % c.rng.randint(1, 999999))
kind("flight", [], lambda c, s: c.rng.choice(["CA", "LH", "AF", "BA", "IB", "AZ", "LA", "KE", "KL", "AI", "JL", "UA"]) + str(c.rng.randint(10, 9999)))
kind("seat", [], lambda c, s: "%d%s" % (c.rng.randint(1, 60), c.rng.choice("ABCDEFK")))
kind("embedding", [FACE], _embedding, init=lambda c: {"dim": c.rng.choice([128, 256, 512])}, csv_ok=False)
kind("age_estimate", [FACE, DEMO], lambda c, s: c.rng.randint(16, 75), opaque=False)
kind("gender_estimate", [FACE, DEMO], lambda c, s: c.rng.choice(s["v"]), opaque=False,
     init=lambda c: {"v": c.rng.choice([["male", "female"]] + GENDER[c.lang])})
kind("glasses", [FACE], lambda c, s: c.rng.choice([True, False]), opaque=False)
kind("mask", [FACE], lambda c, s: c.rng.choice([True, False]), opaque=False)
kind("speed", [], lambda c, s: c.rng.randint(10, 140))
kind("direction", [], lambda c, s: c.rng.choice(["N", "S", "E", "W", "NE", "SW"]))
kind("color", [], lambda c, s: c.fk.color_name())
kind("user_agent", [], lambda c, s: c.fk.user_agent())
kind("app_version", [], lambda c, s: "%d.%d.%d" % (c.rng.randint(1, 9), c.rng.randint(0, 30), c.rng.randint(0, 99)))
kind("cpu", [], lambda c, s: round(c.rng.uniform(0, 100), 1))
kind("host", [], lambda c, s: c.fk.hostname())
kind("latency", [], lambda c, s: c.rng.randint(1, 900))
kind("stock", [], lambda c, s: c.rng.randint(0, 5000))
kind("sku", [], lambda c, s: "SKU-%05d" % c.rng.randint(1, 99999))
kind("ward", [], lambda c, s: "%s-%d" % (c.rng.choice("ABCDEF"), c.rng.randint(1, 40)))
kind("patient_id", [], lambda c, s: "P%07d" % c.rng.randint(1, 9999999))
kind("ticket_id", [], lambda c, s: "T-%06d" % c.rng.randint(1, 999999))

# theme -> [(kind key, role-group or None)], role groups nest under a role
# object in nested JSON (`buyer.name`) or prefix the name (`buyer_name`).
R = "role"
THEMES = {
    "customers": [("name", R), ("email", R), ("phone", R), ("address", R), ("birth_date", R), ("gender", R),
                  ("time", None), ("note", None), ("uuid", None)],
    "payroll": [("employee_no", None), ("first_name", R), ("last_name", R), ("national_id", R), ("iban", R),
                ("salary", None), ("department", None), ("birth_date", R), ("nationality", R)],
    "patients": [("patient_id", None), ("name", R), ("national_id", R), ("birth_date", R), ("gender", R),
                 ("icd10", None), ("time", None), ("phone", R), ("doctor", None), ("ward", None)],
    "travel": [("last_name", R), ("first_name", R), ("passport", R), ("nationality", R), ("birth_date", R),
               ("gender", R), ("flight", None), ("seat", None), ("time", None), ("email", R)],
    "checkpoint": [("plate", R), ("time", None), ("checkpoint", None), ("camera", None), ("lat", None),
                   ("lon", None), ("speed", None), ("direction", None), ("color", R)],
    "faces": [("uuid", None), ("camera", None), ("time", None), ("age_estimate", R), ("gender_estimate", R),
              ("glasses", R), ("mask", R), ("embedding", R), ("lat", None), ("lon", None)],
    "devices": [("imei", R), ("mac", R), ("ip", R), ("adid", R), ("lat", None), ("lon", None), ("time", None),
                ("app_version", None), ("user_agent", None)],
    "orders": [("order_no", None), ("name", R), ("phone", R), ("address", R), ("product", None), ("price", None),
               ("ean", None), ("card", R), ("time", None)],
    "accounts": [("uuid", None), ("email", R), ("password_hash", R), ("password", R), ("ip", R), ("time", None),
                 ("status", None)],
    "tickets": [("ticket_id", None), ("subject", None), ("note", None), ("status", None), ("time", None)],
    "catalog": [("sku", None), ("product", None), ("price", None), ("ean", None), ("isbn", None), ("stock", None),
                ("hash", None), ("order_no", None), ("time", None)],
    "metrics": [("host", None), ("time", None), ("cpu", None), ("latency", None), ("uuid", None), ("status", None),
                ("app_version", None)],
}
THEME_ORDER = list(THEMES)
EXTRA = {"en_GB": {"patients": [("nhs", R)]}, "en_IN": {"payroll": [("pan", R)]}}
NO_IBAN = {"zh_CN", "en_US", "en_IN", "ja_JP", "ko_KR"}
FORMATS = ["ndjson", "json", "csv", "tsv"]


def field_name(c, concept, style, role, camel, used):
    lang = c.lang
    if style == "local":
        words = L.get(lang, {}).get(concept)
        if not words:
            if lang.startswith("en"):
                words = EN.get(concept)
            else:
                words = EN.get(concept)
        cands = list(words)
    else:
        cands = list(EN[concept])
    c.rng.shuffle(cands)
    for w in cands:
        n = w
        if style == "en" and role and c.rng.random() < 0.4 and not n.startswith(role):
            n = "%s_%s" % (role, n) if not camel else role + n[0].upper() + n[1:]
        if camel and style == "en" and "_" in n:
            p = n.split("_")
            n = p[0] + "".join(x[:1].upper() + x[1:] for x in p[1:])
        if n not in used:
            return n
    i = 2
    while "%s%d" % (cands[0], i) in used:
        i += 1
    return "%s%d" % (cands[0], i)


def build_file(c, theme, style, fmt, nrec, seed):
    spec = list(THEMES[theme]) + EXTRA.get(c.locale, {}).get(theme, [])
    if c.locale in NO_IBAN:  # no IBAN at home: salaries go to a card account
        spec = [("card", g) if k == "iban" else (k, g) for k, g in spec]
    flat = fmt in ("csv", "tsv")
    if flat:
        spec = [x for x in spec if KINDS[x[0]].csv_ok]
    if style == "opaque":
        spec = [x for x in spec if KINDS[x[0]].opaque
                and not (x[0] == "national_id" and c.locale not in SELF_EVIDENT_ID)
                # a plate speaks by itself only with a CN province character
                and not (x[0] == "plate" and c.locale != "zh_CN")]
        # a lone latitude under "f4" is any number: the pair speaks, as a
        # geo object (JSON) or a "lat,lon" string (CSV)
        if any(k == "lat" for k, _ in spec):
            spec = [x for x in spec if x[0] not in ("lat", "lon")] + [("latlon_csv" if flat else "geo", None)]
        c.rng.shuffle(spec)
    camel = c.rng.random() < 0.35
    nest = (not flat) and style == "en" and c.rng.random() < 0.5
    role = ROLES.get(theme)
    used, fields = set(), []
    opaque_pat = c.rng.choice(["f%d", "c_%02d", "col%d", "attr%d"])
    geo = {}
    for i, (k, grp) in enumerate(spec):
        kd = KINDS[k]
        if style == "opaque":
            nm = opaque_pat % (i + 1)
        else:
            nm = field_name(c, kd.concept, style, role if grp and not nest else None, camel, used)
        used.add(nm)
        path = ("%s.%s" % (role, nm)) if (nest and grp) else nm
        st = kd.init(c)
        if k in ("lat", "lon", "geo", "latlon_csv"):
            st["g"] = geo
        fields.append({"kind": kd, "key": k, "name": nm, "path": path, "state": st, "nested": nest and grp,
                       "cats": set()})
    records = []
    for _ in range(nrec):
        rec = {}
        for f in fields:
            v = f["kind"].make(c, f["state"])
            if f["nested"]:
                rec.setdefault(role, {})[f["name"]] = v
            else:
                rec[f["name"]] = v
        records.append(rec)
    # labels
    labels = {}
    for f in fields:
        if f["kind"].cats is None:   # free text: what was embedded in it
            labels[f["path"]] = sorted(f["state"].get("cats", ()))
        else:
            labels[f["path"]] = sorted(f["kind"].cats)
    cats = {x for v in labels.values() for x in v}
    has_time = any(f["kind"].time for f in fields)
    has_place = any(f["kind"].place and (style != "opaque" or f["kind"].cats) for f in fields)
    prof = set()
    if cats & IDENTIFIERS and has_place and has_time:
        prof.add("tracking")
    if FACE in cats and (has_time or has_place):
        prof.add("facial_recognition")
    if cats & {IMEI, IMSI, MAC} and has_place and has_time:
        prof.add("device_capture")
    if cats & {NID, PASS} and NAME in cats:
        prof.add("identity_document")
    if any(x.startswith("special.") for x in cats):
        prof.add("special_category")
    labels["__profiles__"] = sorted(prof)
    return records, [f["path"] for f in fields], labels


def write(path, fmt, records, cols):
    if fmt == "ndjson":
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        with open(path, "w", encoding="utf-8") as f:
            json.dump(records, f, ensure_ascii=False, indent=1)
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            # ssv: `;` as German and French spreadsheets write CSV (blind/gen.py)
            w = csv.writer(f, delimiter={"csv": ",", "tsv": "\t", "ssv": ";"}[fmt])
            w.writerow(cols)
            for r in records:
                w.writerow([r[k] for k in cols])


def main():
    ap = argparse.ArgumentParser(description="held-out labelled corpus (Faker, Mimesis, python-stdnum)")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--records", type=int, default=30)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    labels = {}
    for li, loc in enumerate(LOCALES):
        c = Ctx(loc, a.seed)
        for ti, theme in enumerate(THEME_ORDER):
            style = ["en", "local", "opaque"][(li + ti + a.seed) % 3]
            fmt = FORMATS[(li * 5 + ti + a.seed) % 4]
            records, cols, lab = build_file(c, theme, style, fmt, a.records, a.seed)
            fname = "%s-%s-%s.%s" % (loc, theme, style, fmt)
            lab["__locale__"], lab["__theme__"], lab["__style__"] = loc, theme, style
            labels[fname] = lab
            write(os.path.join(a.out, fname), fmt, records, cols)
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("%d files in %s" % (len(labels), a.out))


if __name__ == "__main__":
    main()
