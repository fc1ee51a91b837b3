/* rawbuf.h: records of the raw format (cprof-format.h) into a buffer that
 * goes to a file descriptor whenever it fills.  Every function here may run
 * in a signal handler: no malloc, no stdio, no locks. */
#ifndef CPROF_RAWBUF_H
#define CPROF_RAWBUF_H

#include <stdint.h>

struct rawbuf {
	int fd;
	int error;         /* first errno seen, 0 if none */
	uint64_t records;
	uint64_t written;  /* bytes on disk */
	uint32_t len;
	char *buf;
	uint32_t cap;
};

/* A record of `type` whose body is `size` bytes: begin, the body's bytes
 * put, end (which pads it to CPROF_ALIGN and counts it). */
void rawbuf_begin(struct rawbuf *b, uint32_t type, uint32_t size);
void rawbuf_put(struct rawbuf *b, const void *p, uint32_t n);
void rawbuf_end(struct rawbuf *b, uint32_t size);
/* Writes out what the buffer holds; b->error says whether it went. */
void rawbuf_flush(struct rawbuf *b);

#endif
