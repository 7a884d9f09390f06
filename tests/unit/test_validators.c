/* Unit tests for src/lib/classify/validators.c.
 *
 * Table-driven. Valid vectors come from public sources (python-stdnum docs
 * and tests, Wikipedia, issuers' published test numbers) or were computed
 * and cross-checked with an independent Python implementation and with
 * python-stdnum. Every input is copied into a heap buffer of exactly n
 * bytes (no terminator) so that AddressSanitizer catches any read past
 * s[n-1]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "validators.h"
#include "shape.h"

typedef int (*vfn)(const char *, size_t);

struct vcase {
  const char *fname;
  vfn fn;
  const char *in;
  int want;
};

#define V(f, s) {#f, f, s, 1}
#define X(f, s) {#f, f, s, 0}

static const struct vcase cases[] = {
    /* ---- building blocks */
    V(ajar_luhn_ok, "79927398713"), /* Wikipedia */
    V(ajar_luhn_ok, "4111111111111111"),
    V(ajar_luhn_ok, "0"),
    X(ajar_luhn_ok, "79927398710"),
    X(ajar_luhn_ok, "79927398714"),
    X(ajar_luhn_ok, "7992739871a"),
    X(ajar_luhn_ok, ""),
    V(ajar_verhoeff_ok, "2363"), /* Wikipedia: 236 -> 3 */
    V(ajar_verhoeff_ok, "234123412346"),
    V(ajar_verhoeff_ok, "0"),
    X(ajar_verhoeff_ok, "2364"),
    X(ajar_verhoeff_ok, "2336"), /* adjacent transposition */
    X(ajar_verhoeff_ok, "23x3"),
    X(ajar_verhoeff_ok, ""),

    /* ---- CN resident id */
    V(ajar_valid_cn_resident_id, "11010519491231002X"), /* GB 11643 sample */
    V(ajar_valid_cn_resident_id, "11010519491231002x"),
    V(ajar_valid_cn_resident_id, "360426199101010071"), /* stdnum cn.ric */
    V(ajar_valid_cn_resident_id, "110105200001010016"),
    V(ajar_valid_cn_resident_id, "440308199901010012"),
    V(ajar_valid_cn_resident_id, "320102198506153012"),
    V(ajar_valid_cn_resident_id, "810000198001010022"), /* HK resident */
    X(ajar_valid_cn_resident_id, "110105194912310021"), /* wrong check */
    X(ajar_valid_cn_resident_id, "360426199101010072"),
    X(ajar_valid_cn_resident_id, "650102201002290049"), /* 2010-02-29, check ok */
    X(ajar_valid_cn_resident_id, "110105194902300020"), /* Feb 30, check ok */
    X(ajar_valid_cn_resident_id, "990105194912310023"), /* region 99, check ok */
    X(ajar_valid_cn_resident_id, "440524188001010014"), /* year 1880, check ok */
    X(ajar_valid_cn_resident_id, "111111111111111111"),
    X(ajar_valid_cn_resident_id, "11010519491231002"),
    X(ajar_valid_cn_resident_id, "11010519491231002XX"),
    X(ajar_valid_cn_resident_id, "11010519491231002Y"),

    /* ---- US SSN */
    V(ajar_valid_us_ssn, "536904399"), /* stdnum us.ssn */
    V(ajar_valid_us_ssn, "219099998"),
    V(ajar_valid_us_ssn, "001010001"),
    V(ajar_valid_us_ssn, "665123456"),
    V(ajar_valid_us_ssn, "899991234"),
    X(ajar_valid_us_ssn, "000123456"),
    X(ajar_valid_us_ssn, "666123456"),
    X(ajar_valid_us_ssn, "900123456"),
    X(ajar_valid_us_ssn, "123001234"),
    X(ajar_valid_us_ssn, "123450000"),
    X(ajar_valid_us_ssn, "111111111"),
    X(ajar_valid_us_ssn, "123456789"),
    X(ajar_valid_us_ssn, "078051120"), /* Woolworth wallet card */
    X(ajar_valid_us_ssn, "219099999"), /* SSA advertisement */
    X(ajar_valid_us_ssn, "53690439"),
    X(ajar_valid_us_ssn, "53690439a"),

    /* ---- UK NINO */
    V(ajar_valid_uk_nino, "AB123456C"),
    V(ajar_valid_uk_nino, "JG103759A"),
    V(ajar_valid_uk_nino, "CE123456"), /* suffix optional */
    V(ajar_valid_uk_nino, "ab123456d"),
    X(ajar_valid_uk_nino, "QQ123456C"), /* HMRC's specimen: Q not allowed */
    X(ajar_valid_uk_nino, "BG123456A"),
    X(ajar_valid_uk_nino, "TN123456A"),
    X(ajar_valid_uk_nino, "ZZ123456A"),
    X(ajar_valid_uk_nino, "DA123456A"),
    X(ajar_valid_uk_nino, "AO123456A"),
    X(ajar_valid_uk_nino, "AB123456E"),
    X(ajar_valid_uk_nino, "AB12345C"),
    X(ajar_valid_uk_nino, "AB1234567"),
    X(ajar_valid_uk_nino, "A1123456C"),

    /* ---- ES DNI / NIE */
    V(ajar_valid_es_dni, "54362315K"), /* stdnum es.dni */
    V(ajar_valid_es_dni, "12345678Z"),
    V(ajar_valid_es_dni, "00000000T"),
    V(ajar_valid_es_dni, "54362315k"),
    X(ajar_valid_es_dni, "54362315A"),
    X(ajar_valid_es_dni, "54362316K"),
    X(ajar_valid_es_dni, "5436231K"),
    X(ajar_valid_es_dni, "543623150"),
    X(ajar_valid_es_dni, "X2482300W"),
    V(ajar_valid_es_nie, "X2482300W"), /* stdnum es.nie */
    V(ajar_valid_es_nie, "Y1234567X"),
    V(ajar_valid_es_nie, "Z1234567R"),
    V(ajar_valid_es_nie, "x2482300w"),
    X(ajar_valid_es_nie, "X2482300A"),
    X(ajar_valid_es_nie, "Y2482300W"),
    X(ajar_valid_es_nie, "A2482300W"),
    X(ajar_valid_es_nie, "X248230W"),
    X(ajar_valid_es_nie, "54362315K"),

    /* ---- IN Aadhaar */
    V(ajar_valid_in_aadhaar, "234123412346"), /* stdnum in_.aadhaar */
    V(ajar_valid_in_aadhaar, "499118665246"),
    V(ajar_valid_in_aadhaar, "999941057058"),
    X(ajar_valid_in_aadhaar, "234123412345"),
    X(ajar_valid_in_aadhaar, "123412341234"), /* first digit 1 */
    X(ajar_valid_in_aadhaar, "234574475432"), /* palindrome, Verhoeff ok */
    X(ajar_valid_in_aadhaar, "23412341234"),
    X(ajar_valid_in_aadhaar, "2341234123467"),

    /* ---- FR NIR */
    V(ajar_valid_fr_nir, "295109912611193"), /* stdnum fr.nir */
    V(ajar_valid_fr_nir, "253072B07300470"), /* stdnum fr.nir, Corsica */
    V(ajar_valid_fr_nir, "253072A07300443"),
    V(ajar_valid_fr_nir, "255081416802538"),
    V(ajar_valid_fr_nir, "153122b05012392"),
    X(ajar_valid_fr_nir, "295109912611192"),
    X(ajar_valid_fr_nir, "253072B07300471"),
    X(ajar_valid_fr_nir, "595109912611140"), /* sex 5, key ok */
    X(ajar_valid_fr_nir, "295139912611144"), /* month 13, key ok */
    X(ajar_valid_fr_nir, "295009912611130"), /* month 00, key ok */
    X(ajar_valid_fr_nir, "253072C07300443"),
    X(ajar_valid_fr_nir, "29510991261119"),

    /* ---- IT codice fiscale */
    V(ajar_valid_it_codice_fiscale, "RCCMNL83S18D969H"), /* stdnum */
    V(ajar_valid_it_codice_fiscale, "MRTMTT91D08F205J"),
    V(ajar_valid_it_codice_fiscale, "RCCMNLQQSLMDSNSF"), /* omocodia */
    V(ajar_valid_it_codice_fiscale, "MRTMRA91D48F205O"), /* female, day+40 */
    V(ajar_valid_it_codice_fiscale, "rccmnl83s18d969h"),
    X(ajar_valid_it_codice_fiscale, "RCCMNL83S18D969A"),
    X(ajar_valid_it_codice_fiscale, "RCCMNL83Z18D969S"), /* month Z, check ok */
    X(ajar_valid_it_codice_fiscale, "RCCMNL83S32D969V"), /* day 32, check ok */
    X(ajar_valid_it_codice_fiscale, "RCCMNL83S72D969Z"), /* day 72, check ok */
    X(ajar_valid_it_codice_fiscale, "RCCMNL83S18D969"),
    X(ajar_valid_it_codice_fiscale, "RCCMN183S18D969H"),

    /* ---- BR CPF */
    V(ajar_valid_br_cpf, "39053344705"), /* stdnum br.cpf */
    V(ajar_valid_br_cpf, "11144477735"),
    V(ajar_valid_br_cpf, "52998224725"),
    V(ajar_valid_br_cpf, "12345678909"),
    X(ajar_valid_br_cpf, "39053344704"),
    X(ajar_valid_br_cpf, "39053344715"),
    X(ajar_valid_br_cpf, "11111111111"), /* all same, checks pass */
    X(ajar_valid_br_cpf, "00000000000"),
    X(ajar_valid_br_cpf, "3905334470"),

    /* ---- KR RRN */
    V(ajar_valid_kr_rrn, "9710139019902"), /* stdnum kr.rrn (1800s) */
    V(ajar_valid_kr_rrn, "8801011234568"),
    V(ajar_valid_kr_rrn, "0001013123451"),
    V(ajar_valid_kr_rrn, "7505052233442"),
    X(ajar_valid_kr_rrn, "9710139019903"),
    X(ajar_valid_kr_rrn, "8801011234567"),
    X(ajar_valid_kr_rrn, "9702301012346"), /* Feb 30, check ok */
    X(ajar_valid_kr_rrn, "9710131971230"), /* place of birth 97, check ok */
    X(ajar_valid_kr_rrn, "971013901990"),

    /* ---- JP My Number */
    V(ajar_valid_jp_my_number, "123456789018"), /* stdnum jp.in_ */
    V(ajar_valid_jp_my_number, "987654321018"),
    V(ajar_valid_jp_my_number, "100000000005"),
    V(ajar_valid_jp_my_number, "555555555557"),
    X(ajar_valid_jp_my_number, "123456789017"),
    X(ajar_valid_jp_my_number, "123456789019"),
    X(ajar_valid_jp_my_number, "12345678901"),
    X(ajar_valid_jp_my_number, "12345678901a"),

    /* ---- DE Steuer-ID */
    V(ajar_valid_de_steuer_id, "36574261809"), /* stdnum de.idnr */
    V(ajar_valid_de_steuer_id, "65929970489"),
    V(ajar_valid_de_steuer_id, "12345678995"),
    V(ajar_valid_de_steuer_id, "11123456786"), /* one digit thrice */
    X(ajar_valid_de_steuer_id, "36574261808"),
    X(ajar_valid_de_steuer_id, "11223456785"), /* two digits doubled */
    X(ajar_valid_de_steuer_id, "12345678903"), /* no digit repeated */
    X(ajar_valid_de_steuer_id, "01234567896"), /* leading zero */
    X(ajar_valid_de_steuer_id, "11112345678"), /* one digit 4 times */
    X(ajar_valid_de_steuer_id, "3657426180"),

    /* ---- NL BSN */
    V(ajar_valid_nl_bsn, "111222333"), /* stdnum nl.bsn */
    V(ajar_valid_nl_bsn, "123456782"),
    V(ajar_valid_nl_bsn, "12345672"), /* = 012345672 */
    X(ajar_valid_nl_bsn, "111222334"),
    X(ajar_valid_nl_bsn, "123456783"),
    X(ajar_valid_nl_bsn, "000000000"),
    X(ajar_valid_nl_bsn, "1234567"),
    X(ajar_valid_nl_bsn, "1234567820"),

    /* ---- IN PAN, GB NHS, US ITIN, FR numero fiscal (stdnum docs) */
    V(ajar_valid_in_pan, "ACUPA7085R"),
    V(ajar_valid_in_pan, "AAPPV8261K"),
    V(ajar_valid_in_pan, "aappv8261k"),
    X(ajar_valid_in_pan, "ABMXA3211G"), /* holder type X */
    X(ajar_valid_in_pan, "AAPPV0000K"), /* serial 0000 */
    X(ajar_valid_in_pan, "AAPPV826AK"),
    X(ajar_valid_in_pan, "AAPPV8261"),
    V(ajar_valid_gb_nhs, "9434765870"),
    V(ajar_valid_gb_nhs, "3982597919"), /* computed, checked with stdnum */
    V(ajar_valid_gb_nhs, "6786981984"),
    X(ajar_valid_gb_nhs, "9434765871"),
    X(ajar_valid_gb_nhs, "943476587"),
    X(ajar_valid_gb_nhs, "94347658a0"),
    V(ajar_valid_us_itin, "912903456"),
    V(ajar_valid_us_itin, "900701234"),
    V(ajar_valid_us_itin, "950881234"),
    X(ajar_valid_us_itin, "912934567"), /* group 93 */
    X(ajar_valid_us_itin, "912893456"), /* group 89 */
    X(ajar_valid_us_itin, "912693456"), /* group 69 */
    X(ajar_valid_us_itin, "812903456"), /* area not 9xx */
    V(ajar_valid_fr_nif, "3023217600053"),
    V(ajar_valid_fr_nif, "0123456789211"), /* computed, checked with stdnum */
    V(ajar_valid_fr_nif, "2987654321330"),
    X(ajar_valid_fr_nif, "3023217600054"),
    X(ajar_valid_fr_nif, "4023217600053"), /* first digit 0-3 */
    X(ajar_valid_fr_nif, "302321760005"),

    /* ---- IMEI */
    V(ajar_valid_imei, "490154203237518"), /* Wikipedia */
    V(ajar_valid_imei, "352099001761481"),
    V(ajar_valid_imei, "860015040002534"),
    V(ajar_valid_imei, "3568680000414120"), /* IMEISV, stdnum */
    X(ajar_valid_imei, "490154203237517"),
    X(ajar_valid_imei, "000000000000000"), /* Luhn ok, all same */
    X(ajar_valid_imei, "35209900176148"),
    X(ajar_valid_imei, "49015420323751x"),
    X(ajar_valid_imei, "1111111111111111"),

    /* ---- IMSI */
    V(ajar_valid_imsi, "429011234567890"), /* stdnum imsi (Nepal) */
    V(ajar_valid_imsi, "310150123456789"),
    V(ajar_valid_imsi, "460001234567890"),
    V(ajar_valid_imsi, "23415123456789"),
    X(ajar_valid_imsi, "999011234567890"),
    X(ajar_valid_imsi, "001011234567890"), /* test network */
    X(ajar_valid_imsi, "4290112345678"),
    X(ajar_valid_imsi, "4290112345678901"),
    X(ajar_valid_imsi, "444444444444444"),

    /* ---- MAC */
    V(ajar_valid_mac, "00:1A:2B:3C:4D:5E"),
    V(ajar_valid_mac, "00-1a-2b-3c-4d-5e"),
    V(ajar_valid_mac, "001a.2b3c.4d5e"),
    V(ajar_valid_mac, "01:00:5e:00:00:fb"),
    X(ajar_valid_mac, "00:00:00:00:00:00"),
    X(ajar_valid_mac, "ff:ff:ff:ff:ff:ff"),
    X(ajar_valid_mac, "FF-FF-FF-FF-FF-FF"),
    X(ajar_valid_mac, "ffff.ffff.ffff"),
    X(ajar_valid_mac, "00:1A-2B:3C:4D:5E"), /* mixed separators */
    X(ajar_valid_mac, "001a.2b3c:4d5e"),
    X(ajar_valid_mac, "00:1a:2b:3c:4d-5e"), /* the last separator differs */
    X(ajar_valid_mac, "00:1a:2b:3c:4d:5g"),
    X(ajar_valid_mac, "g0:1a:2b:3c:4d:5e"),
    X(ajar_valid_mac, "001a.2b3c.4d5g"),
    X(ajar_valid_mac, "0000.0000.0000"),
    V(ajar_valid_mac, "ffff.ffff.fffe"),
    V(ajar_valid_mac, "00:00:00:00:00:01"),
    X(ajar_valid_mac, "00:1A:2B:3C:4D"),
    X(ajar_valid_mac, "00:1A:2B:3C:4D:5G"),
    X(ajar_valid_mac, "001A2B3C4D5E"),
    X(ajar_valid_mac, "123e4567-e89b-12d3-a456-426614174000"), /* UUID */

    /* ---- IPv4 */
    V(ajar_valid_ipv4, "192.168.1.1"),
    V(ajar_valid_ipv4, "0.0.0.0"),
    V(ajar_valid_ipv4, "255.255.255.255"),
    V(ajar_valid_ipv4, "1.2.3.4"), /* also a version string: field layer decides */
    X(ajar_valid_ipv4, "1.2.3"),
    X(ajar_valid_ipv4, "1.2.3.4.5"),
    X(ajar_valid_ipv4, "256.1.1.1"),
    X(ajar_valid_ipv4, "01.2.3.4"),
    X(ajar_valid_ipv4, "1.2.3.04"),
    X(ajar_valid_ipv4, "1..2.3"),
    X(ajar_valid_ipv4, "1.2.3.4."),
    X(ajar_valid_ipv4, ".1.2.3"),
    X(ajar_valid_ipv4, "1.2.3.a"),
    X(ajar_valid_ipv4, "1234.1.1.1"),
    X(ajar_valid_ipv4, "1.2.3.4/24"),

    /* ---- IPv6 */
    V(ajar_valid_ipv6, "::"),
    V(ajar_valid_ipv6, "::1"),
    V(ajar_valid_ipv6, "1::"),
    V(ajar_valid_ipv6, "2001:db8::1"),
    V(ajar_valid_ipv6, "fe80::1ff:fe23:4567:890a"),
    V(ajar_valid_ipv6, "2001:0db8:0000:0000:0000:ff00:0042:8329"),
    V(ajar_valid_ipv6, "2001:DB8:0:0:8:800:200C:417A"), /* RFC 4291 */
    V(ajar_valid_ipv6, "::ffff:192.0.2.128"),
    V(ajar_valid_ipv6, "1:2:3:4:5:6:1.2.3.4"),
    V(ajar_valid_ipv6, "1:2:3:4:5:6:7::"),
    X(ajar_valid_ipv6, ":::"),
    X(ajar_valid_ipv6, "1:2"),
    X(ajar_valid_ipv6, "1:2:3:4:5:6:7:8:9"),
    X(ajar_valid_ipv6, "1:2:3:4:5:6:7"),
    X(ajar_valid_ipv6, "2001:db8::1::2"),
    X(ajar_valid_ipv6, "12345::1"),
    X(ajar_valid_ipv6, "g::1"),
    X(ajar_valid_ipv6, "1:2:3:4:5:6:7:8::"),
    X(ajar_valid_ipv6, ":1:2:3:4:5:6:7"),
    X(ajar_valid_ipv6, "1:2:3:4:5:6:7:"),
    X(ajar_valid_ipv6, "::ffff:256.0.0.1"),
    X(ajar_valid_ipv6, "::1%eth0"),
    X(ajar_valid_ipv6, "fe80::1/64"),
    X(ajar_valid_ipv6, "1:2:3:4:5:6:7:1.2.3.4"),
    X(ajar_valid_ipv6, "::1.2.3"),
    X(ajar_valid_ipv6, "00:1A:2B:3C:4D:5E"), /* a MAC: groups ok, but only 6 */

    /* ---- UUID */
    V(ajar_valid_uuid, "123e4567-e89b-12d3-a456-426614174000"),
    V(ajar_valid_uuid, "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"), /* RFC 4122 */
    V(ajar_valid_uuid, "00000000-0000-0000-0000-000000000000"),
    X(ajar_valid_uuid, "123e4567e89b12d3a456426614174000"),
    X(ajar_valid_uuid, "123e4567-e89b-12d3-a456-42661417400"),
    X(ajar_valid_uuid, "123e4567-e89b-12d3-a456-42661417400g"),
    X(ajar_valid_uuid, "123e4567e-89b-12d3-a456-426614174000"),
    X(ajar_valid_uuid, "{123e4567-e89b-12d3-a456-426614174000}"),

    /* ---- VIN */
    V(ajar_vin_check_ok, "1M8GDM9AXKP042788"), /* Wikipedia, check X */
    V(ajar_vin_check_ok, "11111111111111111"), /* Wikipedia: check holds */
    V(ajar_vin_check_ok, "1hgcm82633a004352"),
    X(ajar_vin_check_ok, "1M8GDM9A1KP042788"),
    X(ajar_vin_check_ok, "1M8GDM9AXKP042789"),
    X(ajar_vin_check_ok, "WP0ZZZ99ZTS392124"), /* European filler at pos 9 */
    X(ajar_vin_check_ok, "1M8GDM9AXKP0427I8"),
    X(ajar_vin_check_ok, "1M8GDM9AXKP04278"),
    V(ajar_valid_vin, "1M8GDM9AXKP042788"),
    V(ajar_valid_vin, "1HGCM82633A004352"),
    V(ajar_valid_vin, "5YJ3E1EA2JF000316"),
    V(ajar_valid_vin, "2T1BR32E15C123456"),
    V(ajar_valid_vin, "LSVAM41883C000123"), /* China: check required, ok */
    V(ajar_valid_vin, "WP0ZZZ99ZTS392124"), /* Europe: format only */
    V(ajar_valid_vin, "wp0zzz99zts392124"),
    X(ajar_valid_vin, "1M8GDM9A1KP042788"), /* N. America, bad check */
    X(ajar_valid_vin, "LSVAM41873C000123"), /* China, bad check */
    X(ajar_valid_vin, "11111111111111111"), /* check holds but all same */
    X(ajar_valid_vin, "12345678901234567"),
    X(ajar_valid_vin, "98765432109876543"), /* no letter */
    X(ajar_valid_vin, "ABCDEFGHJKLMNPRST"), /* no digit */
    X(ajar_valid_vin, "WP0ZZZ99ZTS39212Q"), /* Q */
    X(ajar_valid_vin, "WP0ZZZ99ZTS39212"),

    /* ---- CN plate */
    V(ajar_valid_cn_plate, "京A12345"),
    V(ajar_valid_cn_plate, "京A·12345"),
    V(ajar_valid_cn_plate, "苏E•12345"),
    V(ajar_valid_cn_plate, "沪B 5X123"),
    V(ajar_valid_cn_plate, "粤B·D12345"), /* new energy, small */
    V(ajar_valid_cn_plate, "京A12345F"),  /* new energy, large */
    V(ajar_valid_cn_plate, "粤A1234学"),
    V(ajar_valid_cn_plate, "川A·1234警"),
    V(ajar_valid_cn_plate, "琼A12345挂"),
    X(ajar_valid_cn_plate, "京I12345"),
    X(ajar_valid_cn_plate, "京a12345"),
    X(ajar_valid_cn_plate, "XA12345"),
    X(ajar_valid_cn_plate, "港A12345"),
    X(ajar_valid_cn_plate, "京A1234"),
    X(ajar_valid_cn_plate, "京A123456"), /* 6 without D/F */
    X(ajar_valid_cn_plate, "京A·ABCDE"),
    X(ajar_valid_cn_plate, "京A12O45"),
    X(ajar_valid_cn_plate, "京A··12345"),
    X(ajar_valid_cn_plate, "京A·"),
    X(ajar_valid_cn_plate, "京A123456学"),
    X(ajar_valid_cn_plate, "京A1234567"),

    /* ---- payment cards (issuers' published test numbers) */
    V(ajar_valid_card, "4111111111111111"),    /* Visa */
    V(ajar_valid_card, "4222222222222"),       /* Visa 13 */
    V(ajar_valid_card, "5555555555554444"),    /* Mastercard */
    V(ajar_valid_card, "2223003122003222"),    /* Mastercard 2-series */
    V(ajar_valid_card, "378282246310005"),     /* Amex */
    V(ajar_valid_card, "371449635398431"),     /* Amex */
    V(ajar_valid_card, "6011111111111117"),    /* Discover */
    V(ajar_valid_card, "3530111333300000"),    /* JCB */
    V(ajar_valid_card, "6212345678901232"),    /* UnionPay */
    V(ajar_valid_card, "36227206271667"),      /* Diners 14 */
    V(ajar_valid_card, "6759649826438453"),    /* Maestro */
    V(ajar_valid_card, "500000000009"),        /* Maestro 12 */
    X(ajar_valid_card, "4111111111111112"),
    X(ajar_valid_card, "1234567812345678"), /* 16-digit order number, Luhn fails */
    X(ajar_valid_card, "1234567812345670"), /* Luhn ok, no IIN */
    X(ajar_valid_card, "9111111111111110"), /* Luhn ok, no IIN */
    X(ajar_valid_card, "0000000000000000"),
    X(ajar_valid_card, "4444444444444444"),
    X(ajar_valid_card, "3782822823100"),   /* Amex prefix, 13 digits */
    X(ajar_valid_card, "41111111111"),
    X(ajar_valid_card, "41111111111111111111"),

    /* ---- IBAN */
    V(ajar_valid_iban, "DE89370400440532013000"), /* Wikipedia / stdnum */
    V(ajar_valid_iban, "GB82WEST12345698765432"),
    V(ajar_valid_iban, "FR1420041010050500013M02606"),
    V(ajar_valid_iban, "NL91ABNA0417164300"),
    V(ajar_valid_iban, "BE68539007547034"),
    V(ajar_valid_iban, "CH9300762011623852957"),
    V(ajar_valid_iban, "NO9386011117947"),
    V(ajar_valid_iban, "PL61109010140000071219812874"),
    V(ajar_valid_iban, "ES9121000418450200051332"),
    V(ajar_valid_iban, "IT60X0542811101000000123456"),
    V(ajar_valid_iban, "SA0380000000608010167519"),
    V(ajar_valid_iban, "BR9700360305000010009795493P1"),
    V(ajar_valid_iban, "de89370400440532013000"),
    X(ajar_valid_iban, "DE89370400440532013001"),
    X(ajar_valid_iban, "DE88370400440532013000"),
    X(ajar_valid_iban, "DE8937040044053201300"),
    X(ajar_valid_iban, "XX89370400440532013000"),
    X(ajar_valid_iban, "GB82WEST1234569876543"),
    X(ajar_valid_iban, "DE89 370400440532013000"),
    X(ajar_valid_iban, "DE8937040044053201300!"),

    /* ---- e-mail */
    V(ajar_valid_email, "john.doe@example.com"),
    V(ajar_valid_email, "a@b.co"),
    V(ajar_valid_email, "user+tag@sub.example.co.uk"),
    V(ajar_valid_email, "x_y%z-w@my-host.io"),
    X(ajar_valid_email, ".john@example.com"),
    X(ajar_valid_email, "john.@example.com"),
    X(ajar_valid_email, "jo..hn@example.com"),
    X(ajar_valid_email, "john@example"),
    X(ajar_valid_email, "john@-example.com"),
    X(ajar_valid_email, "john@example-.com"),
    X(ajar_valid_email, "john@example.c"),
    X(ajar_valid_email, "john@example.c0m"),
    X(ajar_valid_email, "john@@example.com"),
    X(ajar_valid_email, "a@b@c.com"),
    X(ajar_valid_email, "john@exa_mple.com"),
    X(ajar_valid_email, "john@.example.com"),
    X(ajar_valid_email, "john@example..com"),
    X(ajar_valid_email, "john doe@x.com"),
    X(ajar_valid_email, "@example.com"),
    X(ajar_valid_email,
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com"),

    /* ---- CN mobile */
    V(ajar_valid_cn_mobile, "13800138000"),
    V(ajar_valid_cn_mobile, "19912345678"),
    V(ajar_valid_cn_mobile, "8613800138000"),
    V(ajar_valid_cn_mobile, "+8613800138000"),
    V(ajar_valid_cn_mobile, "008613800138000"),
    X(ajar_valid_cn_mobile, "12800138000"),
    X(ajar_valid_cn_mobile, "23800138000"),
    X(ajar_valid_cn_mobile, "1380013800"),
    X(ajar_valid_cn_mobile, "138001380001"),
    X(ajar_valid_cn_mobile, "8612800138000"),
    X(ajar_valid_cn_mobile, "00861380013800"),
    X(ajar_valid_cn_mobile, "1380013800a"),

    /* ---- E.164 */
    V(ajar_valid_e164, "+14155552671"),
    V(ajar_valid_e164, "+442071838750"),
    V(ajar_valid_e164, "+8613800138000"),
    V(ajar_valid_e164, "+33123456789"),
    V(ajar_valid_e164, "+2348012345678"),
    V(ajar_valid_e164, "+35312345678"),
    X(ajar_valid_e164, "+0123456789"),
    X(ajar_valid_e164, "14155552671"),
    X(ajar_valid_e164, "+1415555"),
    X(ajar_valid_e164, "+1234567890123456"),
    X(ajar_valid_e164, "+2591234567"), /* 259 unassigned */
    X(ajar_valid_e164, "+6711234567"), /* 671 spare */
    X(ajar_valid_e164, "+3841234567"),
    X(ajar_valid_e164, "+1-415-555-2671"),
    X(ajar_valid_e164, "+"),
};

/* every string validator, for the n == 0 / NULL / garbage sweeps */
static const vfn all_fns[] = {
    ajar_luhn_ok, ajar_verhoeff_ok, ajar_valid_cn_resident_id,
    ajar_valid_us_ssn, ajar_valid_uk_nino, ajar_valid_es_dni,
    ajar_valid_es_nie, ajar_valid_in_aadhaar, ajar_valid_fr_nir,
    ajar_valid_it_codice_fiscale, ajar_valid_br_cpf, ajar_valid_kr_rrn,
    ajar_valid_jp_my_number, ajar_valid_de_steuer_id, ajar_valid_nl_bsn,
    ajar_valid_in_pan, ajar_valid_gb_nhs, ajar_valid_us_itin, ajar_valid_fr_nif,
    ajar_valid_imei, ajar_valid_imsi, ajar_valid_mac, ajar_valid_ipv4,
    ajar_valid_ipv6, ajar_valid_uuid, ajar_valid_vin, ajar_vin_check_ok,
    ajar_valid_cn_plate, ajar_valid_card, ajar_valid_iban, ajar_valid_email,
    ajar_valid_cn_mobile, ajar_valid_e164};

/* run fn on an exact-size heap copy (no terminator) */
static int run_exact(vfn fn, const char *s, size_t n) {
  char *b = malloc(n ? n : 1);
  int r;
  if (!b) return -1;
  memcpy(b, s, n);
  r = fn(b, n);
  free(b);
  return r;
}

static void test_dates(void) {
  static const struct {
    int y, m, d, want;
  } dc[] = {
      {2024, 2, 29, 1}, {2000, 2, 29, 1}, {1900, 2, 28, 1}, {2023, 12, 31, 1},
      {1, 1, 1, 1},     {2023, 2, 29, 0}, {1900, 2, 29, 0}, {2100, 2, 29, 0},
      {2023, 2, 30, 0}, {2023, 4, 31, 0}, {2023, 13, 1, 0}, {2023, 0, 1, 0},
      {2023, 1, 0, 0},  {2023, 1, 32, 0}, {0, 1, 1, 0},     {-4, 2, 29, 0},
  };
  size_t i;
  for (i = 0; i < sizeof dc / sizeof dc[0]; i++)
    CHECKF(ajar_date_ok(dc[i].y, dc[i].m, dc[i].d) == dc[i].want,
           "ajar_date_ok(%d,%d,%d) want %d", dc[i].y, dc[i].m, dc[i].d,
           dc[i].want);
}

static void test_mcc(void) {
  static const int known[] = {460, 310, 316, 234, 235, 262, 208, 222, 214,
                              440, 441, 450, 404, 405, 505, 302, 724, 250,
                              454, 466, 502, 510, 525, 655, 621, 424, 470, 901};
  static const int unknown[] = {-1, 0, 1, 199, 201, 300, 999, 1000, 100000};
  size_t i;
  for (i = 0; i < sizeof known / sizeof known[0]; i++)
    CHECKF(ajar_imsi_mcc_known(known[i]), "mcc %d known", known[i]);
  for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
    CHECKF(!ajar_imsi_mcc_known(unknown[i]), "mcc %d unknown", unknown[i]);
}

/* n == 0, NULL, and every prefix of hostile buffers: never valid, never
 * out of bounds (ASan), never crashes. */
static void test_robustness(void) {
  static const char *const junk[] = {
      "\xff\xfe\x80\x00\x01 ::..--@@",
      "京",
      ("\xe4\xba\xac" "A\xc2"),
      "::::::::::::::::::::::::::::::::::::::::::::::::",
      "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1",
      "2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A2A"};
  size_t f, j, k;
  for (f = 0; f < sizeof all_fns / sizeof all_fns[0]; f++) {
    CHECKF(all_fns[f](NULL, 0) == 0, "fn #%zu (NULL, 0)", f);
    CHECKF(run_exact(all_fns[f], "", 0) == 0, "fn #%zu empty", f);
    for (j = 0; j < sizeof junk / sizeof junk[0]; j++) {
      size_t len = strlen(junk[j]) + (j == 0 ? 1 : 0); /* first has a NUL */
      for (k = 0; k <= len; k++) {
        int r = run_exact(all_fns[f], junk[j], k);
        CHECKF(r == 0 || r == 1, "fn #%zu junk %zu len %zu", f, j, k);
      }
    }
  }
  /* every valid vector, cut short or lengthened, through its own function */
  for (j = 0; j < sizeof cases / sizeof cases[0]; j++) {
    size_t n = strlen(cases[j].in);
    for (k = 0; k < n; k++) {
      int r = run_exact(cases[j].fn, cases[j].in, k);
      CHECKF(r == 0 || r == 1, "%s prefix %zu of %s", cases[j].fname, k,
             cases[j].in);
    }
  }
}

/* ajar_valid_email_shaped with the mask value_shape gives v */
static int email_shaped(const char *v, size_t n) {
  size_t digits, seps;
  return ajar_valid_email_shaped(v, n, value_shape(v, n, &digits, &seps));
}

/* ajar_valid_email (bit masks, 16 bytes a step, up to 64 bytes) against
 * the byte loop on random addresses made of the bytes the rules are
 * about, of 0 to 80 bytes, most of them near valid */
static void test_email_masks(void) {
  static const char bytes[] = "ab@.-_%+Z9xq@..-\x80\xe4 Pp{`[/:oO^";
  static const char *const tld[] = {"com", "io", "x", "c0m", "co-", "abcdefghijklmnopqrstuvwxyz"};
  uint32_t seed = 99;
  int round, valid = 0;
  for (round = 0; round < 100000; round++) {
    char v[96];
    size_t n = 0, len, i;
    seed = seed * 1103515245u + 12345u;
    len = (seed >> 16) % 72;
    for (i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      v[n++] = (seed >> 16) % 4 ? "abcdefgh0123"[(seed >> 20) % 12]
                                 : bytes[(seed >> 20) % (sizeof bytes - 1)];
    }
    if (round % 2) { /* a domain and a TLD after it */
      const char *t = tld[(seed >> 8) % 6];
      size_t k = (seed >> 24) % 20;
      v[n++] = '@';
      for (i = 0; i < k && n < 80; i++)
        v[n++] = i % 5 == 4 ? '.' : "abc-9"[(seed >> i % 24) % 5];
      v[n++] = '.';
      for (i = 0; t[i] && n < 90; i++)
        v[n++] = t[i];
    }
    valid += ajar_valid_email_bytes(v, n);
    CHECKF(ajar_valid_email(v, n) == ajar_valid_email_bytes(v, n), "round %d: \"%.*s\"",
           round, (int)n, v);
    CHECKF(email_shaped(v, n) == ajar_valid_email_bytes(v, n), "shaped, round %d: \"%.*s\"",
           round, (int)n, v);
  }
  CHECKF(valid > 500, "only %d valid addresses made", valid);
  /* every byte at every position of valid addresses of 6 to 64 bytes
   * (one part-vector, two loads, the loop): the nibble lookups' classes */
  {
    static const char *const addr[] = {"ab@c.de", "first.last@example.com",
                                       "a.very.long.local-part_x+y%z@sub.domain.example.org"};
    size_t a, pos;
    int c, ok = 1;
    for (a = 0; a < 3; a++) {
      size_t n = strlen(addr[a]);
      char v[64];
      for (pos = 0; pos < n; pos++)
        for (c = 0; c < 256; c++) {
          memcpy(v, addr[a], n);
          v[pos] = (char)c;
          if ((ajar_valid_email(v, n) != ajar_valid_email_bytes(v, n) ||
               email_shaped(v, n) != ajar_valid_email_bytes(v, n)) && ok) {
            CHECKF(0, "byte 0x%02x at %zu of %s", c, pos, addr[a]);
            ok = 0;
          }
        }
    }
  }
}

/* ajar_valid_email_shaped against the byte loop on addresses of
 * letters, digits, '@', '.' and '-' alone (the bytes whose shape takes
 * its four-compare way), 1 to 72 bytes, most of them near valid: two
 * '@', dots and dashes at the ends of labels, digits in the TLD */
static void test_email_plain(void) {
  static const char local[] = "abzAZ09.-", dom[] = "aqZ9-.", tail[] = "comIOx9-";
  uint32_t seed = 7;
  int round, valid = 0, plain = 0;
  for (round = 0; round < 200000; round++) {
    char v[96];
    size_t n = 0, i, k;
    seed = seed * 1103515245u + 12345u;
    k = 1 + (seed >> 16) % 40;
    for (i = 0; i < k; i++) {
      seed = seed * 1103515245u + 12345u;
      v[n++] = (seed >> 16) % 24 == 0 ? "@.-"[(seed >> 20) % 3] : local[(seed >> 20) % 9];
    }
    v[n++] = '@';
    seed = seed * 1103515245u + 12345u;
    k = (seed >> 16) % 24;
    for (i = 0; i < k; i++) {
      seed = seed * 1103515245u + 12345u;
      v[n++] = (seed >> 16) % 6 == 0 ? '.' : dom[(seed >> 20) % 6];
    }
    seed = seed * 1103515245u + 12345u;
    if ((seed >> 16) % 8)
      v[n++] = '.';
    k = (seed >> 20) % 27;
    for (i = 0; i < k; i++) {
      seed = seed * 1103515245u + 12345u;
      v[n++] = (seed >> 16) % 16 ? "comioxyzQ"[(seed >> 20) % 9] : tail[(seed >> 20) % 8];
    }
    {
      size_t d, s2;
      plain += n >= 6 && n <= 64 &&
               !(value_shape(v, n, &d, &s2) &
                 ~(unsigned)(C_DIGIT | C_UPPER | C_LOWER | C_HEXALPHA | C_AT | C_DOT | C_DASH));
    }
    valid += ajar_valid_email_bytes(v, n);
    CHECKF(email_shaped(v, n) == ajar_valid_email_bytes(v, n), "plain, round %d: \"%.*s\"",
           round, (int)n, v);
  }
  CHECKF(valid > 5000 && plain > 150000, "only %d valid, %d plain addresses made", valid,
         plain);
}

void test_validators_fast(void); /* test_validators_fast.c */

void test_validators(void) {
  test_email_masks();
  test_email_plain();
  test_validators_fast();
  size_t i, per_fn_pos[64] = {0}, per_fn_neg[64] = {0}, f;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const struct vcase *c = &cases[i];
    int got = run_exact(c->fn, c->in, strlen(c->in));
    CHECKF(got == c->want, "%s(\"%s\") = %d, want %d", c->fname, c->in, got,
           c->want);
    for (f = 0; f < sizeof all_fns / sizeof all_fns[0]; f++)
      if (all_fns[f] == c->fn) (c->want ? per_fn_pos : per_fn_neg)[f]++;
  }
  /* the tables themselves: every validator has >= 3 positives, 3 negatives */
  for (f = 0; f < sizeof all_fns / sizeof all_fns[0]; f++)
    CHECKF(per_fn_pos[f] >= 3 && per_fn_neg[f] >= 3,
           "validator #%zu has %zu valid / %zu invalid vectors", f,
           per_fn_pos[f], per_fn_neg[f]);
  test_dates();
  test_mcc();
  test_robustness();
}
