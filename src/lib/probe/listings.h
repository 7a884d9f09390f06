/* Internal: listings as servers print them, parsed (listings.c). The
 * probes that ask for them send the requests; these only read the bytes.
 *   FTP        MLSD facts ("type=file;size=12; name") and LIST lines
 *              (Unix "ls -l" or DOS style)
 *   HTML       directory index pages: nginx autoindex, Apache
 *              mod_autoindex, lighttpd dirlisting
 *   memcached  `lru_crawler metadump` lines ("key=... size=...")
 */
#ifndef AJAR_PROBE_LISTINGS_H
#define AJAR_PROBE_LISTINGS_H

#include <stddef.h>
#include <stdint.h>
#include "probe/objects.h"

/* memcached's KEY_MAX_LENGTH */
#define MC_MAX_KEY 250

/* The entries of one FTP listing of directory dir ("" or "a/b/", found
 * at depth) into w: files with their sizes, directories queued. body is
 * cut up in place. mlsd: MLSD facts, else LIST lines. 0 or AJAR_ENOMEM. */
int listing_ftp(struct obj_walk *w, char *body, const char *dir, unsigned depth,
                int mlsd);
/* The same for one HTML index page (a NUL-terminated body): the relative
 * links one level down (never up, never absolute or another scheme), a
 * file's size the last size-like word after its link. */
int listing_html(struct obj_walk *w, const char *body, const char *dir,
                 unsigned depth);
/* The percent-decoded key of a metadump line into out (MC_MAX_KEY + 1
 * bytes), its size in *size (-1: none); 0 when the line has no key or
 * one that may not be sent back in a `get` (a space, a control byte,
 * over MC_MAX_KEY). */
size_t listing_metadump_key(const char *line, char *out, int64_t *size);

#endif
