/* Internal: libmongoc, loaded the first time a scan needs MongoDB
 * (mongo_lib.c). */
#ifndef AJAR_PROBE_MONGO_LIB_H
#define AJAR_PROBE_MONGO_LIB_H

#include <mongoc/mongoc.h>

/* the functions of libmongoc the probe calls (probe_mongodb.c) */
struct mongo_lib {
  mongoc_uri_t *(*uri_new_with_error)(const char *, bson_error_t *);
  void (*uri_destroy)(mongoc_uri_t *);
  bool (*uri_set_option_as_int32)(mongoc_uri_t *, const char *, int32_t);
  bool (*uri_set_option_as_bool)(mongoc_uri_t *, const char *, bool);
  bool (*uri_set_appname)(mongoc_uri_t *, const char *);
  bool (*uri_set_username)(mongoc_uri_t *, const char *);
  bool (*uri_set_password)(mongoc_uri_t *, const char *);
  bool (*uri_set_auth_source)(mongoc_uri_t *, const char *);
  mongoc_client_t *(*client_new_from_uri)(const mongoc_uri_t *);
  void (*client_destroy)(mongoc_client_t *);
  bool (*client_set_error_api)(mongoc_client_t *, int32_t);
  void (*client_set_stream_initiator)(mongoc_client_t *, mongoc_stream_initiator_t, void *);
  bool (*client_command_simple)(mongoc_client_t *, const char *, const bson_t *,
                                const mongoc_read_prefs_t *, bson_t *, bson_error_t *);
};

/* libmongoc loaded and initialised, once for the process (thread-safe);
 * NULL when it cannot be loaded */
const struct mongo_lib *mongo_lib(void);

#endif
