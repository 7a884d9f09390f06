/* Names of the findings contract (docs/report.md: categories, profiles, severity) and errors. */
#include <string.h>
#include "ajar/ajar.h"

const char *ajar_version(void) { return AJAR_VERSION; }

static const char *const categories[AJAR_CAT__COUNT] = {
  "identity.name", "identity.national_id", "identity.passport",
  "identity.demographic", "contact.email", "contact.phone",
  "contact.address", "device.imei", "device.imsi", "device.mac",
  "device.ip", "device.advertising_id", "location.coordinates",
  "vehicle.plate", "vehicle.vin", "financial.card", "financial.iban",
  "biometric.face", "special.ethnicity", "special.religion",
  "special.political", "special.health", "credential.secret",
};

static const char *const profiles[AJAR_PROFILE__COUNT] = {
  "tracking", "facial_recognition", "device_capture", "identity_document",
  "special_category",
};

static const char *const severities[] = {"info", "low", "medium", "high",
                                         "critical"};
static const char *const confidences[] = {"none", "low", "medium", "high"};

const char *ajar_category_name(int c) {
  return c >= 0 && c < AJAR_CAT__COUNT ? categories[c] : NULL;
}

int ajar_category_from_name(const char *name) {
  int i;
  for (i = 0; name && i < AJAR_CAT__COUNT; i++)
    if (!strcmp(categories[i], name))
      return i;
  return -1;
}

const char *ajar_profile_name(int i) {
  return i >= 0 && i < AJAR_PROFILE__COUNT ? profiles[i] : NULL;
}

const char *ajar_severity_name(int s) {
  return s >= AJAR_SEV_INFO && s <= AJAR_SEV_CRITICAL ? severities[s] : "info";
}

int ajar_severity_from_name(const char *name) {
  int i;
  for (i = AJAR_SEV_INFO; name && i <= AJAR_SEV_CRITICAL; i++)
    if (!strcmp(severities[i], name))
      return i;
  return -1;
}

const char *ajar_confidence_name(int c) {
  return c >= AJAR_CONF_NONE && c <= AJAR_CONF_HIGH ? confidences[c] : "none";
}

const char *ajar_strerror(int rc) {
  switch (rc) {
  case AJAR_OK: return "ok";
  case AJAR_ENOMEM: return "out of memory";
  case AJAR_EINVAL: return "invalid argument";
  case AJAR_EIO: return "input/output error";
  case AJAR_ETOOBIG: return "over a size limit";
  case AJAR_EPARSE: return "malformed input";
  case AJAR_ECOMPILE: return "detector database did not compile";
  case AJAR_EFORMAT: return "unknown or unsupported format";
  case AJAR_ETIMEDOUT: return "timed out";
  case AJAR_ECONNECT: return "connection failed";
  case AJAR_EAUTH: return "authentication required";
  case AJAR_ESCOPE: return "outside the given scope";
  case AJAR_EPROTO: return "unexpected protocol";
  default: return "unknown error";
  }
}
