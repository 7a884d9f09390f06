/* libmongoc, loaded the first time a scan needs MongoDB, not linked.
 *
 * Debian builds libmongoc with its automatic init: a library constructor
 * runs mongoc_init(), which initialises OpenSSL and Cyrus SASL, about
 * 17 million instructions, and linking libmongoc also loads its own
 * libraries (libmongocrypt, libsasl2, ...) at every start. `ajar files`
 * never talks to MongoDB, so the library is opened with dlopen() when
 * the MongoDB probe first runs, once for the process, and its functions
 * are looked up by name. libbson stays linked (the .bson walker).
 *
 * The constructor also makes a shared-memory segment for its counters
 * unless MONGOC_DISABLE_SHM is set, as the ajar tool (src/cli/main.c)
 * and the Python package set it. */
#include <dlfcn.h>
#include <pthread.h>
#include "probe/mongo_lib.h"

static struct mongo_lib lib;
static const struct mongo_lib *loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define LOOKUP(field, name)                                            \
  do {                                                                 \
    *(void **)&lib.field = dlsym(h, name);                             \
    if (!lib.field)                                                    \
      return;                                                          \
  } while (0)

static void load(void) {
  void (*init)(void);
  void (*log_handler)(mongoc_log_func_t, void *);
  void *h = dlopen("libmongoc-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
  if (!h)
    return;
  *(void **)&init = dlsym(h, "mongoc_init");
  *(void **)&log_handler = dlsym(h, "mongoc_log_set_handler");
  if (!init || !log_handler)
    return;
  LOOKUP(uri_new_with_error, "mongoc_uri_new_with_error");
  LOOKUP(uri_destroy, "mongoc_uri_destroy");
  LOOKUP(uri_set_option_as_int32, "mongoc_uri_set_option_as_int32");
  LOOKUP(uri_set_option_as_bool, "mongoc_uri_set_option_as_bool");
  LOOKUP(uri_set_appname, "mongoc_uri_set_appname");
  LOOKUP(uri_set_username, "mongoc_uri_set_username");
  LOOKUP(uri_set_password, "mongoc_uri_set_password");
  LOOKUP(uri_set_auth_source, "mongoc_uri_set_auth_source");
  LOOKUP(client_new_from_uri, "mongoc_client_new_from_uri");
  LOOKUP(client_destroy, "mongoc_client_destroy");
  LOOKUP(client_set_error_api, "mongoc_client_set_error_api");
  LOOKUP(client_set_stream_initiator, "mongoc_client_set_stream_initiator");
  LOOKUP(client_command_simple, "mongoc_client_command_simple");
  init();
  log_handler(NULL, NULL); /* the library never prints */
  loaded = &lib;
}

const struct mongo_lib *mongo_lib(void) {
  pthread_once(&once, load);
  return loaded;
}
