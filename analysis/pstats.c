/* pstats.c: the pstats file format, which is Python's marshal format.
 *
 * Only marshal types that every CPython from 3.4 reads are written: '{' dict
 * ended by '0', '(' tuple with a 32-bit count, 'u' UTF-8 string with a 32-bit
 * length, 'i' 32-bit int, 'l' long in 15-bit digits, 'g' binary double.
 * Names must be valid UTF-8 (see utf8_valid in util.h).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pstats.h"

static void put_u32(FILE *f, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};

	fwrite(b, 1, 4, f);
}

static void put_int(FILE *f, uint64_t v)
{
	if (v <= INT32_MAX) {
		fputc('i', f);
		put_u32(f, (uint32_t)v);
		return;
	}
	/* TYPE_LONG: signed count of 15-bit digits, least significant first */
	uint16_t digits[5];
	int n = 0;
	while (v) {
		digits[n++] = (uint16_t)(v & 0x7fff);
		v >>= 15;
	}
	fputc('l', f);
	put_u32(f, (uint32_t)n);
	for (int i = 0; i < n; i++) {
		fputc(digits[i] & 0xff, f);
		fputc(digits[i] >> 8, f);
	}
}

static void put_float(FILE *f, double d)
{
	uint64_t bits;
	unsigned char b[8];

	memcpy(&bits, &d, sizeof bits);
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(bits >> (8 * i));
	fputc('g', f);
	fwrite(b, 1, 8, f);
}

/* The analysis keeps every name valid UTF-8 (utf8_valid), as Python's 'u'
 * type needs. */
static void put_str(FILE *f, const char *s)
{
	size_t len = strlen(s);

	fputc('u', f);
	put_u32(f, (uint32_t)len);
	fwrite(s, 1, len, f);
}

static void put_key(FILE *f, const struct stats *st, struct func_name k)
{
	fputc('(', f);
	put_u32(f, 3);
	put_str(f, strtab_str(st->strings, k.file));
	put_int(f, k.line);
	put_str(f, strtab_str(st->strings, k.name));
}

int pstats_write_stream(const struct stats *st, FILE *f)
{
	fputc('{', f);
	for (size_t i = 0; i < st->n; i++) {
		const struct stat_entry *e = &st->entries[i];
		put_key(f, st, e->key);
		fputc('(', f);
		put_u32(f, 5);
		put_int(f, e->cc);
		put_int(f, e->nc);
		put_float(f, e->tt);
		put_float(f, e->ct);
		fputc('{', f);
		for (uint32_t k = e->first_edge; k != STATS_NONE; k = st->edges[k].next) {
			const struct stat_edge *ed = &st->edges[k];
			put_key(f, st, st->entries[ed->caller].key);
			fputc('(', f); /* note the order: nc before cc */
			put_u32(f, 4);
			put_int(f, ed->nc);
			put_int(f, ed->cc);
			put_float(f, ed->tt);
			put_float(f, ed->ct);
		}
		fputc('0', f);
	}
	fputc('0', f);
	return ferror(f) ? -EIO : 0;
}
