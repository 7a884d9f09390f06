/* Internal: the bounded libmongoc stream of the MongoDB probe (mongo_wire.c). */
#ifndef AJAR_PROBE_MONGO_WIRE_H
#define AJAR_PROBE_MONGO_WIRE_H

#include <mongoc/mongoc.h>
#include "probe/probe.h"

/* The link between one libmongoc client and the endpoint being audited. */
struct mongo_wire {
  struct ajar_conn *conn;  /* set by the probe */
  int rc;                  /* set by the stream: why it failed (AJAR_E*), */
  char err[AJAR_MAX_ERROR];/* and the line for conn->err; rc 0: no failure */
};

/* A stream initiator for mongoc_client_set_stream_initiator(), ud: a
 * struct mongo_wire. Connects with probe_connect_tcp() and checks the
 * framing of every byte read (see mongo_wire.c). */
mongoc_stream_t *mongo_wire_initiator(const mongoc_uri_t *uri,
                                      const mongoc_host_list_t *host, void *ud,
                                      bson_error_t *error);

#endif
