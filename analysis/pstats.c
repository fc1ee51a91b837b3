/* pstats.c: the pstats file format, which is Python's marshal format.
 *
 * Only marshal types that every CPython from 3.4 reads are written: '{' dict
 * ended by '0', '(' tuple with a 32-bit count, 'u' UTF-8 string with a 32-bit
 * length, 'i' 32-bit int, 'l' long in 15-bit digits, 'g' binary double.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0. */
static int utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	int n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/* Python decodes 'u' strictly: bytes that are not UTF-8 become U+FFFD. */
static void put_str(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = 0;

	for (size_t i = 0; s[i];) {
		int n = utf8_len(s + i);
		len += n ? (size_t)n : 3;
		i += n ? (size_t)n : 1;
	}
	fputc('u', f);
	put_u32(f, (uint32_t)len);
	for (size_t i = 0; s[i];) {
		int n = utf8_len(s + i);
		if (n) {
			fwrite(s + i, 1, (size_t)n, f);
			i += (size_t)n;
		} else {
			fwrite("\xef\xbf\xbd", 1, 3, f);
			i++;
		}
	}
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

int pstats_write(const struct stats *st, const char *path)
{
	FILE *f = fopen(path, "wb");
	int ret;

	if (!f)
		return -errno;
	ret = pstats_write_stream(st, f);
	if (fclose(f) != 0 && !ret)
		ret = -errno;
	if (ret)
		unlink(path);
	return ret;
}
