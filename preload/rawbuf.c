/* rawbuf.c: the raw-profile writer's buffer (rawbuf.h). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "cprof-format.h"
#include "rawbuf.h"

void rawbuf_flush(struct rawbuf *b)
{
	uint32_t off = 0;

	while (off < b->len && !b->error) {
		ssize_t n = write(b->fd, b->buf + off, b->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			b->error = n < 0 ? errno : EIO;
		else
			off += (uint32_t)n;
		b->written += n > 0 ? (uint64_t)n : 0;
	}
	b->len = 0;
}

void rawbuf_put(struct rawbuf *b, const void *p, uint32_t n)
{
	const char *s = p;

	while (n) {
		uint32_t room = b->cap - b->len;
		uint32_t k = n < room ? n : room;
		memcpy(b->buf + b->len, s, k);
		b->len += k;
		s += k;
		n -= k;
		if (b->len == b->cap)
			rawbuf_flush(b);
	}
}

void rawbuf_begin(struct rawbuf *b, uint32_t type, uint32_t size)
{
	struct cprof_record r = {.type = type, .size = size};

	rawbuf_put(b, &r, sizeof r);
}

void rawbuf_end(struct rawbuf *b, uint32_t size)
{
	static const char zeros[8];

	rawbuf_put(b, zeros, (uint32_t)(CPROF_ALIGN(size) - size));
	b->records++;
}
