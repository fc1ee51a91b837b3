/* vector: the seed's vector.py in C.  Publications (PUBS rows of four
 * columns A-D) are matched against users (USERS rows, one column A) on
 * column A, first with a nested loop over every pair, then with a hashed
 * lookup (as pandas' isin does) or a sorted one with binary search.
 *
 *   vector [PUBS [USERS [hash|sort]]]   (default 100 50 hash)
 *
 * Values are drawn from 0..99 with a fixed seed, so the matches (and the
 * call counts) are the same on every run. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

struct row {
	int v[4];
};

struct table {
	struct row *rows;
	int n, cap;
};

static uint64_t rng_state = 88172645463325252ull;

/* numpy.random.randint(0, 100) */
static int randint100(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (int)(rng_state % 100);
}

static void make_data(struct table *t, int rows, int cols)
{
	t->rows = calloc((size_t)rows, sizeof *t->rows);
	t->n = t->cap = rows;
	for (int i = 0; i < rows; i++)
		for (int c = 0; c < cols; c++)
			t->rows[i].v[c] = randint100();
}

/* DataFrame.append: copies the row in, growing the table */
static void append_row(struct table *t, const struct row *r)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->rows = realloc(t->rows, (size_t)t->cap * sizeof *t->rows);
	}
	t->rows[t->n++] = *r;
}

/* what iterrows() yields */
static const struct row *get_row(const struct table *t, int i)
{
	return &t->rows[i];
}

static int same_a(const struct row *user, const struct row *pub)
{
	return user->v[0] == pub->v[0];
}

/* DataFrame.drop_duplicates: keeps the first of equal rows */
static void drop_duplicates(struct table *t)
{
	int kept = 0;

	for (int i = 0; i < t->n; i++) {
		int dup = 0;
		for (int j = 0; j < kept && !dup; j++)
			dup = memcmp(&t->rows[j], &t->rows[i], sizeof t->rows[i]) == 0;
		if (!dup)
			t->rows[kept++] = t->rows[i];
	}
	t->n = kept;
}

static void match_nested(const struct table *pubs, const struct table *users, struct table *out)
{
	for (int i = 0; i < pubs->n; i++) {
		const struct row *pub = get_row(pubs, i);
		for (int j = 0; j < users->n; j++)
			if (same_a(get_row(users, j), pub))
				append_row(out, pub);
	}
	drop_duplicates(out);
}

/* isin() with a hash set of the users' values */
static void match_hashed(const struct table *pubs, const struct table *users, struct table *out)
{
	unsigned char seen[100] = {0};

	for (int j = 0; j < users->n; j++)
		seen[users->rows[j].v[0]] = 1;
	for (int i = 0; i < pubs->n; i++)
		if (seen[pubs->rows[i].v[0]])
			append_row(out, &pubs->rows[i]);
	drop_duplicates(out);
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* isin() with the users' values sorted and a binary search per row */
static void match_sorted(const struct table *pubs, const struct table *users, struct table *out)
{
	int *keys = malloc((size_t)users->n * sizeof *keys + 1);

	for (int j = 0; j < users->n; j++)
		keys[j] = users->rows[j].v[0];
	qsort(keys, (size_t)users->n, sizeof *keys, cmp_int);
	for (int i = 0; i < pubs->n; i++)
		if (bsearch(&pubs->rows[i].v[0], keys, (size_t)users->n, sizeof *keys, cmp_int))
			append_row(out, &pubs->rows[i]);
	free(keys);
	drop_duplicates(out);
}

int main(int argc, char **argv)
{
	int npubs = argc > 1 ? atoi(argv[1]) : 100;
	int nusers = argc > 2 ? atoi(argv[2]) : 50;
	const char *how = argc > 3 ? argv[3] : "hash";
	struct table pubs, users, slow = {0}, fast = {0};
	double tic, toc;
	char num[32];

	if (argc > 4 || npubs < 1 || nusers < 1 || (strcmp(how, "hash") != 0 && strcmp(how, "sort") != 0)) {
		fprintf(stderr, "usage: vector [PUBS [USERS [hash|sort]]]\n");
		return 2;
	}
	make_data(&pubs, npubs, 4);
	make_data(&users, nusers, 1);

	tic = wall_time();
	match_nested(&pubs, &users, &slow);
	toc = wall_time();
	py_repr(toc - tic, num, sizeof num);
	printf("Nested-loop Runtime: %s seconds\n", num);

	tic = wall_time();
	if (strcmp(how, "hash") == 0)
		match_hashed(&pubs, &users, &fast);
	else
		match_sorted(&pubs, &users, &fast);
	toc = wall_time();
	py_repr(toc - tic, num, sizeof num);
	printf("Vectorized Runtime: %s seconds\n", num);

	if (slow.n != fast.n)
		fprintf(stderr, "vector: the two methods disagree: %d and %d rows\n", slow.n, fast.n);
	return slow.n != fast.n;
}
