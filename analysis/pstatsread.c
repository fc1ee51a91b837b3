/* pstatsread.c: read a pstats file, Python's marshal format, trusting
 * nothing in it.
 *
 * Two steps.  The marshal data becomes a graph of values: a back-reference
 * ('r', to any value written with FLAG_REF) is the index of the value it
 * names, so what is shared is read once and never copied.  Then the graph
 * is read as pstats' dict {(file, line, name): (cc, nc, tt, ct, {caller:
 * (nc, cc, tt, ct)})}, each position checked for the type it must hold.
 *
 * Bounds: a count is checked against the bytes left before anything is
 * made of it, so values, their children and the references all number
 * fewer than the file's bytes; nesting stops at MAX_DEPTH (pstats nests
 * 4 deep); and as one callers dict may be named by every entry, the
 * callers visited are limited to the file's bytes (each caller takes ten
 * at least where nothing is shared), which keeps the second step linear
 * too.
 *
 * The types are those CPython 3.8-3.13 write (marshal version 4) and older
 * ones that still read: 'i' 'I' 'l' ints, 'g' 'f' floats, 'u' 't' UTF-8 and
 * 'a' 'A' 'z' 'Z' one-byte strings, '(' ')' tuples, '{' dicts ended by '0',
 * 'N' 'T' 'F', and 'r'.  Code, bytes, lists and sets have no place in a
 * pstats file and are refused.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <inttypes.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sys/stat.h>

#include "pstats.h"

#define FLAG_REF 0x80
#define MAX_DEPTH 16
#define NONE_VALUE 0 /* the values of None, False and True, shared */
#define FALSE_VALUE 1
#define TRUE_VALUE 2

struct mvalue {
	char type;   /* 'N' None, 'i' int (True and False too), 'g' float, 'u' str, '(' tuple, '{' dict */
	uint8_t neg; /* int: negative */
	uint8_t big; /* int: beyond 64 bits */
	uint32_t off; /* where it starts */
	union {
		uint64_t mag; /* int: magnitude */
		double d;
		uint32_t str; /* strtab id */
		struct {
			uint32_t first, n; /* in kids[]: a tuple's n items; a dict's n (key, value) pairs */
		} c;
	} u;
};

struct reader {
	const char *name;
	const unsigned char *data;
	size_t size, pos;
	char *err;
	size_t errsize;
	int failed;
	struct strtab *strings;
	struct mvalue *vals;
	size_t nvals, vals_cap;
	uint32_t *kids;
	size_t nkids, kids_cap;
	uint32_t *pending; /* items of the containers being read, innermost last */
	size_t npending, pending_cap;
	uint32_t *refs;
	size_t nrefs, refs_cap;
	int depth;
	char *buf; /* a string being converted */
	size_t buf_cap;
	locale_t c_locale; /* for 'f' floats, made when one is met */
	size_t budget;     /* callers left to visit */
};

static void __attribute__((format(printf, 3, 4))) fail(struct reader *r, size_t off, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (r->failed++)
		return;
	n = snprintf(r->err, r->errsize, "%s: offset %zu: ", r->name, off);
	if (n < 0 || (size_t)n >= r->errsize)
		return;
	va_start(ap, fmt);
	vsnprintf(r->err + n, r->errsize - (size_t)n, fmt, ap);
	va_end(ap);
}

/* Whether n more bytes are there; what says what they would be. */
static int need(struct reader *r, size_t n, const char *what)
{
	if (r->size - r->pos >= n)
		return 1;
	fail(r, r->pos, "the file ends inside %s (of %zu bytes, %zu are there)", what, n, r->size - r->pos);
	return 0;
}

static uint32_t get_u32(struct reader *r)
{
	const unsigned char *b = r->data + r->pos;

	r->pos += 4;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint64_t get_u64(struct reader *r)
{
	uint64_t lo = get_u32(r);

	return lo | (uint64_t)get_u32(r) << 32;
}

/* A marshal length: 32 bits, as Python reads it signed; at most the bytes
 * left, each item taking one at least. */
static int get_count(struct reader *r, const char *what, const char *unit, size_t *n)
{
	size_t off = r->pos;
	int32_t v;

	if (!need(r, 4, what))
		return -1;
	v = (int32_t)get_u32(r);
	if (v < 0 || (size_t)v > r->size - r->pos) {
		fail(r, off, "%s of %" PRId32 " %s, and %zu bytes are left", what, v, unit, r->size - r->pos);
		return -1;
	}
	*n = (size_t)v;
	return 0;
}

static uint32_t new_value(struct reader *r, char type, size_t off, int flag)
{
	uint32_t v = (uint32_t)r->nvals;

	GROW(r->vals, r->vals_cap, r->nvals + 1);
	r->vals[r->nvals++] = (struct mvalue){.type = type, .off = (uint32_t)off};
	if (flag) {
		GROW(r->refs, r->refs_cap, r->nrefs + 1);
		r->refs[r->nrefs++] = v;
	}
	return v;
}

static int read_int(struct reader *r, int type, struct mvalue *v)
{
	if (type == 'i') {
		if (!need(r, 4, "an int"))
			return -1;
		int32_t i = (int32_t)get_u32(r);
		v->neg = i < 0;
		v->u.mag = i < 0 ? (uint64_t)-(int64_t)i : (uint64_t)i;
		return 0;
	}
	if (!need(r, 8, "an int"))
		return -1;
	uint64_t u = get_u64(r); /* 'I': two's complement */
	v->neg = u >> 63;
	v->u.mag = v->neg ? ~u + 1 : u;
	return 0;
}

/* 'l': a signed count of 15-bit digits, least significant first. */
static int read_long(struct reader *r, struct mvalue *v)
{
	size_t off = r->pos, ndigits;
	int32_t n;

	if (!need(r, 4, "a long"))
		return -1;
	n = (int32_t)get_u32(r);
	ndigits = n < 0 ? (size_t)-(int64_t)n : (size_t)n;
	if (ndigits > (r->size - r->pos) / 2) {
		fail(r, off, "a long of %zu digits, and %zu bytes are left", ndigits, r->size - r->pos);
		return -1;
	}
	v->neg = n < 0;
	for (size_t i = 0; i < ndigits; i++) {
		unsigned d = r->data[r->pos] | (unsigned)r->data[r->pos + 1] << 8;
		size_t shift = 15 * i;
		if (d > 0x7fff || (d == 0 && i == ndigits - 1)) {
			fail(r, r->pos, d ? "a long's digit is out of range" : "a long's top digit is 0");
			return -1;
		}
		r->pos += 2;
		if (shift >= 64 ? d != 0 : shift > 49 && d >> (64 - shift))
			v->big = 1;
		else if (shift < 64)
			v->u.mag |= (uint64_t)d << shift;
	}
	return 0;
}

/* 'f': the float as text, as repr() wrote it: Python takes a decimal
 * number, inf, infinity or nan, and nothing else around it. */
static int read_float_text(struct reader *r, struct mvalue *v)
{
	size_t off = r->pos, n;
	char text[256], *end;
	const char *body;

	if (!need(r, 1, "a float"))
		return -1;
	n = r->data[r->pos++];
	if (!need(r, n, "a float"))
		return -1;
	memcpy(text, r->data + r->pos, n);
	text[n] = '\0';
	r->pos += n;
	body = text + (text[0] == '+' || text[0] == '-');
	if (!r->c_locale)
		r->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (n == 0 || !r->c_locale ||
	    (strspn(body, "0123456789.eE+-") != strlen(body) && strcasecmp(body, "inf") != 0 &&
	     strcasecmp(body, "infinity") != 0 && strcasecmp(body, "nan") != 0)) {
		fail(r, off, "a float that is not a number");
		return -1;
	}
	v->u.d = strtod_l(text, &end, r->c_locale);
	if (*end) {
		fail(r, off, "a float that is not a number");
		return -1;
	}
	return 0;
}

static char *buf_for(struct reader *r, size_t n)
{
	GROW(r->buf, r->buf_cap, n);
	return r->buf;
}

/* A string of n bytes: UTF-8 ('u', 't') or one byte per character, which
 * Python takes as Latin-1 ('a', 'A', 'z', 'Z').  NUL becomes U+FFFD, as a
 * name cannot hold it; what is not valid UTF-8 becomes U+FFFD too. */
static void read_string(struct reader *r, size_t n, int utf8, struct mvalue *v)
{
	const unsigned char *s = r->data + r->pos;
	char *o = buf_for(r, 3 * n + 1), *valid;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0) {
			memcpy(o + k, "\xef\xbf\xbd", 3);
			k += 3;
		} else if (s[i] < 0x80 || utf8) {
			o[k++] = (char)s[i];
		} else {
			o[k++] = (char)(0xc0 | s[i] >> 6);
			o[k++] = (char)(0x80 | (s[i] & 0x3f));
		}
	}
	o[k] = '\0';
	r->pos += n;
	valid = utf8 ? utf8_valid(o) : o;
	v->u.str = strtab_intern(r->strings, valid);
	if (valid != o)
		free(valid);
}

static int read_value(struct reader *r, uint32_t *out);

/* Moves the items pending since mark to kids[], as container v's. */
static void take_items(struct reader *r, uint32_t v, size_t mark, uint32_t n)
{
	size_t count = r->npending - mark;

	GROW(r->kids, r->kids_cap, r->nkids + count);
	if (count) /* (an empty container: pending may be NULL yet) */
		memcpy(r->kids + r->nkids, r->pending + mark, count * sizeof *r->kids);
	r->vals[v].u.c.first = (uint32_t)r->nkids;
	r->vals[v].u.c.n = n;
	r->nkids += count;
	r->npending = mark;
}

static void add_pending(struct reader *r, uint32_t item)
{
	GROW(r->pending, r->pending_cap, r->npending + 1);
	r->pending[r->npending++] = item;
}

/* A tuple's n items, or a dict's pairs up to '0' (n is then ignored). */
static int read_container(struct reader *r, uint32_t v, size_t n)
{
	size_t mark = r->npending, pairs = 0;
	uint32_t item;
	int ret = 0;

	if (++r->depth > MAX_DEPTH) {
		fail(r, r->vals[v].off, "containers nested deeper than %d (a pstats file nests 4 deep)", MAX_DEPTH);
		return -1;
	}
	if (r->vals[v].type == '(') {
		for (size_t i = 0; i < n && ret == 0; i++) {
			size_t off = r->pos;
			if ((ret = read_value(r, &item)) == 1) {
				fail(r, off, "a tuple holds a NULL ('0')");
				ret = -1;
			} else if (ret == 0) {
				add_pending(r, item);
			}
		}
	} else {
		for (;;) {
			if ((ret = read_value(r, &item)) != 0)
				break; /* '0' ends a dict */
			add_pending(r, item);
			size_t off = r->pos;
			if ((ret = read_value(r, &item)) == 1) {
				fail(r, off, "a dict's key has no value");
				ret = -1;
			}
			if (ret)
				break;
			add_pending(r, item);
			pairs++;
		}
		ret = ret == 1 ? 0 : ret;
		n = pairs;
	}
	r->depth--;
	if (ret == 0)
		take_items(r, v, mark, (uint32_t)n);
	return ret ? -1 : 0;
}

static const char *type_name(int type)
{
	switch (type) {
	case 'c': return "a code object";
	case 's': return "bytes (Python 2 writes names so)";
	case '[': return "a list";
	case '<': case '>': return "a set";
	case 'x': case 'y': return "a complex number";
	case 'S': case '.': return "StopIteration or Ellipsis";
	case 'R': return "a Python 2 string reference";
	default: return "no known type";
	}
}

/* The length before a string's bytes or a tuple's items: a byte for the
 * short types ('z', 'Z', ')'). */
static int get_length(struct reader *r, int type, const char *what, size_t *n)
{
	if (type != 'z' && type != 'Z' && type != ')')
		return get_count(r, what, type == '(' ? "items" : "bytes", n);
	if (!need(r, 1, what))
		return -1;
	*n = r->data[r->pos++];
	return 0;
}

static int read_float(struct reader *r, struct mvalue *v)
{
	uint64_t bits;

	if (!need(r, 8, "a float"))
		return -1;
	bits = get_u64(r);
	memcpy(&v->u.d, &bits, sizeof bits);
	return 0;
}

/* A number or a string into *v: 0, -1 failed, or 1 if type is neither. */
static int read_scalar(struct reader *r, int type, struct mvalue *v)
{
	size_t n;

	switch (type) {
	case 'i': case 'I': v->type = 'i'; return read_int(r, type, v);
	case 'l': v->type = 'i'; return read_long(r, v);
	case 'g': v->type = 'g'; return read_float(r, v);
	case 'f': v->type = 'g'; return read_float_text(r, v);
	case 'u': case 't': case 'a': case 'A': case 'z': case 'Z':
		if (get_length(r, type, "a string", &n) < 0 || !need(r, n, "a string"))
			return -1;
		v->type = 'u';
		read_string(r, n, type == 'u' || type == 't', v);
		return 0;
	default: return 1;
	}
}

static int read_ref(struct reader *r, size_t off, uint32_t *out)
{
	uint32_t n;

	if (!need(r, 4, "a reference"))
		return -1;
	n = get_u32(r);
	if (n >= r->nrefs) {
		fail(r, off, "a reference to value %" PRIu32 " of %zu", n, r->nrefs);
		return -1;
	}
	*out = r->refs[n];
	return 0;
}

/* Reads the value at r->pos into *out: 0, 1 for a NULL ('0', which ends a
 * dict), or -1 failed. */
static int read_value(struct reader *r, uint32_t *out)
{
	size_t off = r->pos, n = 0;
	struct mvalue scalar = {0};
	int code, flag, type, ret;

	if (!need(r, 1, "a value"))
		return -1;
	code = r->data[r->pos++];
	flag = code & FLAG_REF;
	type = code & ~FLAG_REF;
	switch (type) {
	case '0': return 1;
	/* Python takes no reference to these, FLAG_REF or not */
	case 'N': *out = NONE_VALUE; return 0;
	case 'F': *out = FALSE_VALUE; return 0;
	case 'T': *out = TRUE_VALUE; return 0;
	case 'r': return read_ref(r, off, out);
	case '(': case ')': case '{':
		if (type != '{' && get_length(r, type, "a tuple", &n) < 0)
			return -1;
		/* the container is named before its items, as Python does */
		*out = new_value(r, type == '{' ? '{' : '(', off, flag);
		return read_container(r, *out, n);
	}
	if ((ret = read_scalar(r, type, &scalar)) == 1)
		fail(r, off, "marshal type '%c' (0x%02x): %s, which has no place in a pstats file",
		     type >= 0x20 && type < 0x7f ? type : '?', code, type_name(type));
	if (ret)
		return -1;
	*out = new_value(r, scalar.type, off, flag);
	scalar.off = (uint32_t)off;
	r->vals[*out] = scalar;
	return 0;
}

/* The second step: the graph as pstats' dict. */

static const char *what_is(const struct mvalue *v)
{
	switch (v->type) {
	case 'N': return "None";
	case 'i': return "an int";
	case 'g': return "a float";
	case 'u': return "a str";
	case '(': return "a tuple";
	default: return "a dict";
	}
}

/* Where value v is, for messages: None, True and False are shared, and
 * said to be where the value holding them is. */
static size_t where(const struct reader *r, uint32_t v, uint32_t holder)
{
	return v > TRUE_VALUE ? r->vals[v].off : r->vals[holder].off;
}

static const struct mvalue *item(const struct reader *r, uint32_t v, size_t i)
{
	return &r->vals[r->kids[r->vals[v].u.c.first + i]];
}

static uint32_t item_id(const struct reader *r, uint32_t v, size_t i)
{
	return r->kids[r->vals[v].u.c.first + i];
}

static int is_tuple(const struct reader *r, uint32_t v, uint32_t n)
{
	return r->vals[v].type == '(' && r->vals[v].u.c.n == n;
}

static int get_key(struct reader *r, uint32_t v, uint32_t holder, struct func_name *key)
{
	const struct mvalue *file, *line, *name;

	if (!is_tuple(r, v, 3)) {
		fail(r, where(r, v, holder), "a function's key is %s, not a (file, line, name) tuple",
		     r->vals[v].type == '(' ? "a tuple of another size" : what_is(&r->vals[v]));
		return -1;
	}
	file = item(r, v, 0);
	line = item(r, v, 1);
	name = item(r, v, 2);
	if (file->type != 'u' || line->type != 'i' || name->type != 'u') {
		fail(r, r->vals[v].off, "a function's key is not a (str, int, str) tuple");
		return -1;
	}
	if (line->neg || line->big || line->u.mag > UINT32_MAX) {
		fail(r, r->vals[v].off, "a function's line number is out of range");
		return -1;
	}
	*key = (struct func_name){file->u.str, (uint32_t)line->u.mag, name->u.str};
	return 0;
}

static int get_count_of(struct reader *r, uint32_t v, uint32_t holder, const char *what, uint64_t *out)
{
	const struct mvalue *x = &r->vals[v];

	if (x->type != 'i' || x->neg || x->big) {
		fail(r, where(r, v, holder), "%s is %s, not a count", what,
		     x->type != 'i' ? what_is(x) : x->neg ? "negative" : "beyond 64 bits");
		return -1;
	}
	*out = x->u.mag;
	return 0;
}

/* A time: a float, or an int (a profiler with an integer timer). */
static int get_time(struct reader *r, uint32_t v, uint32_t holder, const char *what, double *out)
{
	const struct mvalue *x = &r->vals[v];

	if (x->type == 'g') {
		*out = x->u.d;
	} else if (x->type == 'i' && !x->big) {
		*out = x->neg ? -(double)x->u.mag : (double)x->u.mag;
	} else {
		fail(r, where(r, v, holder), "%s is %s, not a time", what,
		     x->type == 'i' ? "an int beyond 64 bits" : what_is(x));
		return -1;
	}
	if (!isfinite(*out)) {
		fail(r, where(r, v, holder), "%s is %s, not a time", what, isnan(*out) ? "NaN" : "infinite");
		return -1;
	}
	return 0;
}

/* (nc, cc, tt, ct), or a count alone as the profile module writes. */
static int get_caller(struct reader *r, uint32_t v, uint32_t holder, struct stat_edge *ed)
{
	if (r->vals[v].type == 'i') {
		if (get_count_of(r, v, holder, "a caller's count", &ed->nc) < 0)
			return -1;
		ed->cc = ed->nc;
		return 0;
	}
	if (!is_tuple(r, v, 4)) {
		fail(r, where(r, v, holder), "a caller's numbers are %s, not (nc, cc, tt, ct)", what_is(&r->vals[v]));
		return -1;
	}
	if (get_count_of(r, item_id(r, v, 0), v, "a caller's nc", &ed->nc) < 0 ||
	    get_count_of(r, item_id(r, v, 1), v, "a caller's cc", &ed->cc) < 0 ||
	    get_time(r, item_id(r, v, 2), v, "a caller's tt", &ed->tt) < 0 ||
	    get_time(r, item_id(r, v, 3), v, "a caller's ct", &ed->ct) < 0)
		return -1;
	return 0;
}

static int add_callers(struct reader *r, struct stats *st, uint32_t e, uint32_t callers, uint32_t holder)
{
	const struct mvalue *d = &r->vals[callers];

	if (d->type != '{') {
		fail(r, where(r, callers, holder), "a function's callers are %s, not a dict", what_is(d));
		return -1;
	}
	if (d->u.c.n > r->budget) {
		fail(r, d->off, "callers named again and again: more than the file holds");
		return -1;
	}
	r->budget -= d->u.c.n;
	for (uint32_t i = 0; i < d->u.c.n; i++) {
		struct func_name key;
		struct stat_edge ed = {0};
		if (get_key(r, item_id(r, callers, 2 * i), callers, &key) < 0 ||
		    get_caller(r, item_id(r, callers, 2 * i + 1), callers, &ed) < 0)
			return -1;
		uint32_t k = stats_edge(st, e, stats_entry(st, key));
		/* set, not added: of a key written twice, the last counts */
		st->edges[k].nc = ed.nc;
		st->edges[k].cc = ed.cc;
		st->edges[k].tt = ed.tt;
		st->edges[k].ct = ed.ct;
	}
	return 0;
}

static int add_entry(struct reader *r, struct stats *st, uint32_t e, uint32_t v, uint32_t holder)
{
	struct stat_entry x;

	if (!is_tuple(r, v, 5)) {
		fail(r, where(r, v, holder), "a function's numbers are %s, not (cc, nc, tt, ct, callers)",
		     r->vals[v].type == '(' ? "a tuple of another size" : what_is(&r->vals[v]));
		return -1;
	}
	if (get_count_of(r, item_id(r, v, 0), v, "a function's cc", &x.cc) < 0 ||
	    get_count_of(r, item_id(r, v, 1), v, "a function's nc", &x.nc) < 0 ||
	    get_time(r, item_id(r, v, 2), v, "a function's tt", &x.tt) < 0 ||
	    get_time(r, item_id(r, v, 3), v, "a function's ct", &x.ct) < 0)
		return -1;
	if (x.cc > x.nc) { /* primitive calls are some of the calls */
		fail(r, where(r, v, holder), "a function's cc (%llu) is more than its nc (%llu)",
		     (unsigned long long)x.cc, (unsigned long long)x.nc);
		return -1;
	}
	st->entries[e].cc = x.cc;
	st->entries[e].nc = x.nc;
	st->entries[e].tt = x.tt;
	st->entries[e].ct = x.ct;
	return add_callers(r, st, e, item_id(r, v, 4), v);
}

static struct stats *make_table(struct reader *r, uint32_t top)
{
	const struct mvalue *d = &r->vals[top];
	struct stats *st = stats_new(r->strings);
	uint32_t *item_of = NULL; /* per entry: its pair in the dict, the last if written twice */
	size_t cap = 0, nfuncs;

	if (d->type != '{') {
		fail(r, where(r, top, top), "not a pstats file: it holds %s, not a dict", what_is(d));
		goto bad;
	}
	for (uint32_t i = 0; i < d->u.c.n; i++) {
		struct func_name key;
		if (get_key(r, item_id(r, top, 2 * i), top, &key) < 0)
			goto bad;
		uint32_t e = stats_entry(st, key);
		GROW(item_of, cap, st->n);
		item_of[e] = i;
	}
	/* entries that only callers name come after these */
	nfuncs = st->n;
	for (uint32_t e = 0; e < nfuncs; e++)
		if (add_entry(r, st, e, item_id(r, top, 2 * item_of[e] + 1), top) < 0)
			goto bad;
	free(item_of);
	return st;
bad:
	free(item_of);
	stats_free(st);
	return NULL;
}

struct stats *pstats_parse(struct strtab *strings, const char *name, const unsigned char *data, size_t size,
			   char *err, size_t errsize)
{
	struct reader r = {.name = name, .data = data, .size = size, .err = err, .errsize = errsize, .strings = strings};
	struct stats *st = NULL;
	uint32_t top;

	if (size > UINT32_MAX) {
		fail(&r, 0, "a pstats file of 4 GiB or more is not read");
		return NULL;
	}
	if (size == 0) {
		fail(&r, 0, "not a pstats file: it is empty");
		return NULL;
	}
	new_value(&r, 'N', 0, 0);
	new_value(&r, 'i', 0, 0);
	new_value(&r, 'i', 0, 0);
	r.vals[TRUE_VALUE].u.mag = 1;
	if (read_value(&r, &top) == 0) {
		r.budget = size;
		st = make_table(&r, top);
	} else if (!r.failed) {
		fail(&r, 0, "not a pstats file: it holds a NULL ('0')");
	}
	/* what follows the dict is left, as marshal.load leaves it */
	free(r.vals);
	free(r.kids);
	free(r.pending);
	free(r.refs);
	free(r.buf);
	if (r.c_locale)
		freelocale(r.c_locale);
	return st;
}

struct stats *pstats_read(struct strtab *strings, const char *path, char *err, size_t errsize)
{
	unsigned char *data;
	size_t len;
	struct stats *st = NULL;

	if (read_file(path, &data, &len, err, errsize) == 0)
		st = pstats_parse(strings, path, data, len, err, errsize);
	free(data);
	return st;
}

int pstats_sniff(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK); /* (a FIFO: see read_file) */
	unsigned char first;
	struct stat sb;
	ssize_t n;
	int ret = -1;

	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) == 0) {
		ret = 0;
		if (S_ISREG(sb.st_mode)) {
			n = pread(fd, &first, 1, 0);
			ret = n < 0 ? -1 : n == 1 && (first & ~FLAG_REF) == '{';
		}
	}
	close(fd);
	return ret;
}
