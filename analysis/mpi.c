/* mpi.c: the MPI part of a report (docs/MPI.md): the ranks, and what their
 * MPI calls took, per function and per call site, with the spread across
 * ranks, in the manner of mpiP. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cprof-format.h"
#include "mpi.h"
#include "notes.h"
#include "report.h"
#include "text.h"

struct func_total {
	char *name;
	uint64_t calls, sent, received;
	double time;
	double *per_rank; /* by the rank's slot (struct mpi_totals) */
};

struct site_total {
	size_t func; /* index into the functions */
	char *site;
	uint64_t calls, sent, received;
	double time, max_call;
};

static int cmp_rank(const void *a, const void *b)
{
	const struct mpi_rank_row *x = a, *y = b;

	return x->rank - y->rank;
}

static const struct func_total *sorting; /* the functions, for the comparisons */

static int cmp_func(const void *a, const void *b)
{
	const struct func_total *x = &sorting[*(const size_t *)a], *y = &sorting[*(const size_t *)b];

	return x->time < y->time ? 1 : x->time > y->time ? -1 : strcmp(x->name, y->name);
}

/* By time, then by name: the same input prints the same report. */
static int cmp_site(const void *a, const void *b)
{
	const struct site_total *x = a, *y = b;
	int c;

	if (x->time != y->time)
		return x->time < y->time ? 1 : -1;
	c = strcmp(sorting[x->func].name, sorting[y->func].name);
	return c ? c : strcmp(x->site, y->site);
}

/* "file:line(name)" with the directories stripped, as the table shows it;
 * a named C function as its bare name. */
static char *func_text(struct strtab *strings, struct func_name k)
{
	const char *name = strtab_str(strings, k.name);
	size_t len = strlen(name);
	char *buf;

	if (strcmp(strtab_str(strings, k.file), "~") != 0 || len < 2 || name[0] != '<' || name[len - 1] != '>')
		return report_name(strings, k, 1);
	buf = xstrdup(name + 1);
	buf[len - 2] = '\0';
	return buf;
}

static int rank_index(const struct mpi_rank_row *ranks, size_t n, int rank)
{
	for (size_t i = 0; i < n; i++)
		if (ranks[i].rank == rank)
			return (int)i;
	return -1;
}

/* The ranks present, each with its main process. */
static struct mpi_rank_row *find_ranks(struct raw_process *const *procs, size_t n, size_t *nranks, int *size)
{
	struct mpi_rank_row *ranks = NULL;
	size_t cap = 0;

	*nranks = 0;
	*size = 0;
	for (size_t i = 0; i < n; i++) {
		const struct raw_process *p = procs[i];
		int rank = raw_rank(p), at;
		if (rank < 0)
			continue;
		if (p->info.size > *size)
			*size = p->info.size;
		if (p->mpi && p->mpi_info.size > *size)
			*size = p->mpi_info.size;
		at = rank_index(ranks, *nranks, rank);
		if (at < 0) {
			GROW(ranks, cap, *nranks + 1);
			ranks[*nranks] = (struct mpi_rank_row){.rank = rank, .main = p};
			at = (int)(*nranks)++;
		} else if (p->mpi && !ranks[at].main->mpi) {
			ranks[at].main = p;
		}
	}
	if (*nranks) /* qsort's array must not be NULL, even empty */
		qsort(ranks, *nranks, sizeof *ranks, cmp_rank);
	for (size_t i = 0; i < *nranks; i++) {
		const struct raw_process *p = ranks[i].main;
		ranks[i].wall = p->info.end_ns > p->info.start_ns ? (double)(p->info.end_ns - p->info.start_ns) * 1e-9 : 0;
	}
	return ranks;
}

/* How a rank ended when it did not end well, which may leave its data
 * short of its whole run: "" if it did. */
static const char *ending(const struct raw_process *p, char *buf, size_t size)
{
	int n = 0;

	buf[0] = '\0';
	if (p->truncated)
		n = snprintf(buf, size, "profile truncated");
	else if (p->info.end_reason == CPROF_END_SIGNAL)
		n = snprintf(buf, size, "killed by signal %d (%s)", p->info.end_value, strsignal(p->info.end_value));
	else if (p->info.end_reason == CPROF_END_MPI_ABORT)
		n = snprintf(buf, size, "called MPI_Abort (error code %d)", p->info.end_value);
	else if (p->info.end_reason == CPROF_END_SNAPSHOT)
		n = (int)strlen(notes_snapshot(p, buf, size));
	/* MPI was started and not finished: the rank's MPI calls stopped early */
	if (p->mpi && p->mpi_info.init_ticks && !p->mpi_info.finalize_ticks && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%sno MPI_Finalize", n ? ", " : "");
	return buf;
}

/* "Missing: 3 of 9 ranks wrote no profile: 1, 4-5": the ranks below size
 * that are not in ranks (sorted), in --rank's grammar.  Walks the ranks
 * present, not the size, which a damaged profile may say is 2^31. */
static void print_missing(FILE *out, const struct mpi_rank_row *ranks, size_t nranks, int size)
{
	char *list = NULL;
	size_t len = 0, cap = 0;
	long next = 0, nmissing = 0; /* long: end + 1 would overflow an int at INT_MAX */

	for (size_t i = 0; i <= nranks && next < size; i++) {
		long end = i < nranks && ranks[i].rank < size ? ranks[i].rank : size; /* [next, end) are missing */
		char span[48];
		if (end > next) {
			snprintf(span, sizeof span, end - next > 1 ? "%s%ld-%ld" : "%s%ld", nmissing ? ", " : "", next, end - 1);
			GROW(list, cap, len + strlen(span) + 1);
			strcpy(list + len, span);
			len += strlen(span);
			nmissing += end - next;
		}
		next = end + 1;
	}
	if (nmissing)
		fprintf(out, "Missing: %ld of %d ranks wrote no profile: %s\n", nmissing, size, list);
	free(list);
}

static void print_ranks(FILE *out, const struct mpi_summary *s)
{
	fprintf(out, "  %5s  %-20s %8s %9s %9s %6s\n", "rank", "host", "pid", "wall s", "MPI s", "MPI %");
	for (size_t i = 0; i < s->nranks; i++) {
		const struct mpi_rank_row *r = &s->ranks[i];
		fprintf(out, "  %5d  ", r->rank);
		text_print(out, r->main->host, 20);
		fprintf(out, " %8d %9.3f %9.3f %6.1f  %s\n", r->main->info.pid, r->wall, r->mpi,
			r->wall > 0 ? 100 * r->mpi / r->wall : 0.0, r->ending);
	}
}

/* What the report adds up, one process at a time: per function, per call
 * site; per rank, in the slot the rank got when it was first seen. */
struct mpi_totals {
	struct u64map slots; /* rank + 1 -> slot + 1 */
	size_t nslots, slot_cap;
	double *slot_mpi;    /* each rank's time in MPI calls, by slot */
	struct func_total *funcs;
	size_t nfuncs, fcap;
	struct site_total *sites;
	size_t nsites, scap;
	double in_mpi;
	uint64_t lost;       /* calls of sites the ranks could not keep */
	int any;             /* a process made MPI calls */
};

static size_t func_of(struct mpi_totals *t, char *name)
{
	size_t fi;

	for (fi = 0; fi < t->nfuncs && strcmp(t->funcs[fi].name, name) != 0; fi++)
		;
	if (fi < t->nfuncs) {
		free(name);
		return fi;
	}
	GROW(t->funcs, t->fcap, t->nfuncs + 1);
	t->funcs[t->nfuncs] = (struct func_total){.name = name, .per_rank = xcalloc(t->slot_cap + 1, sizeof(double))};
	return t->nfuncs++;
}

/* The slot of rank r, made if need be. */
static size_t slot_of(struct mpi_totals *t, int r)
{
	uint64_t *slot = u64map_get(&t->slots, (uint64_t)r + 1, 0);

	if (*slot)
		return *slot - 1;
	if (t->nslots == t->slot_cap) {
		size_t cap = t->slot_cap ? 2 * t->slot_cap : 16;
		t->slot_mpi = xrealloc(t->slot_mpi, cap * sizeof *t->slot_mpi);
		memset(t->slot_mpi + t->slot_cap, 0, (cap - t->slot_cap) * sizeof *t->slot_mpi);
		for (size_t i = 0; i < t->nfuncs; i++) {
			t->funcs[i].per_rank = xrealloc(t->funcs[i].per_rank, (cap + 1) * sizeof(double));
			memset(t->funcs[i].per_rank + t->slot_cap + 1, 0, (cap - t->slot_cap) * sizeof(double));
		}
		t->slot_cap = cap;
	}
	*u64map_get(&t->slots, (uint64_t)r + 1, 0) = ++t->nslots;
	return t->nslots - 1;
}

static struct site_total *site_of(struct mpi_totals *t, size_t fi, char *where)
{
	for (size_t j = 0; j < t->nsites; j++)
		if (t->sites[j].func == fi && strcmp(t->sites[j].site, where) == 0) {
			free(where);
			return &t->sites[j];
		}
	GROW(t->sites, t->scap, t->nsites + 1);
	t->sites[t->nsites] = (struct site_total){.func = fi, .site = where};
	return &t->sites[t->nsites++];
}

struct mpi_totals *mpi_new(void)
{
	return xcalloc(1, sizeof(struct mpi_totals));
}

/* Adds process p's call sites, named now: p need not keep its modules and
 * names for the report. */
void mpi_add(struct mpi_totals *t, struct strtab *strings, struct symbolizer *sym, const struct raw_process *p)
{
	long r = raw_rank(p) >= 0 && p->mpi && p->mpi_info.nsites ? (long)slot_of(t, raw_rank(p)) : -1;

	t->any |= p->mpi;
	t->lost += p->mpi ? p->mpi_info.calls_lost : 0;
	for (uint32_t k = 0; p->mpi && k < p->mpi_info.nsites; k++) {
		const struct cprof_mpi_site *s = &p->mpi_sites[k];
		uint64_t caller = s->site & CPROF_SITE_PC ? (s->site & ~CPROF_SITE_PC) - 1 : s->site;
		size_t fi = func_of(t, func_text(strings, symbolize(sym, p, s->func)));
		struct func_total *f = &t->funcs[fi];
		struct site_total *st = site_of(t, fi, func_text(strings, symbolize(sym, p, caller)));
		double time = (double)s->ticks * p->sec_per_tick, longest = (double)s->max_ticks * p->sec_per_tick;

		f->calls += s->calls;
		f->time += time;
		f->sent += s->bytes_sent;
		f->received += s->bytes_received;
		if (r >= 0) {
			f->per_rank[r] += time;
			t->slot_mpi[r] += time;
		}
		t->in_mpi += time;
		st->calls += s->calls;
		st->time += time;
		st->sent += s->bytes_sent;
		st->received += s->bytes_received;
		if (longest > st->max_call)
			st->max_call = longest;
	}
}

/* Where rank's figures are, or -1. */
static long slot_find(const struct mpi_totals *t, int rank)
{
	const uint64_t *slot = u64map_find(&t->slots, (uint64_t)rank + 1);

	return slot ? (long)*slot - 1 : -1;
}

/* Each MPI function's figures, and their spread across the ranks. */
static void spread_functions(struct mpi_summary *s, const struct mpi_totals *t)
{
	size_t *order = xmalloc((t->nfuncs + 1) * sizeof *order);

	for (size_t i = 0; i < t->nfuncs; i++)
		order[i] = i;
	sorting = t->funcs;
	qsort(order, t->nfuncs, sizeof *order, cmp_func);
	s->funcs = xcalloc(t->nfuncs + 1, sizeof *s->funcs);
	s->nfuncs = t->nfuncs;
	for (size_t i = 0; i < t->nfuncs; i++) {
		const struct func_total *f = &t->funcs[order[i]];
		struct mpi_func_row *row = &s->funcs[i];
		*row = (struct mpi_func_row){.name = f->name, .calls = f->calls, .time = f->time, .sent = f->sent,
					     .received = f->received, .at = -1};
		for (size_t r = 0; r < s->nranks; r++) {
			long slot = slot_find(t, s->ranks[r].rank);
			double v = slot >= 0 ? f->per_rank[slot] : 0;
			if (r == 0 || v < row->min)
				row->min = v;
			if (r == 0 || v > row->max) {
				row->max = v;
				row->at = s->ranks[r].rank;
			}
		}
		row->mean = s->nranks ? f->time / (double)s->nranks : 0.0;
	}
	free(order);
}

static void print_functions(FILE *out, const struct mpi_summary *s)
{
	fprintf(out, "\n  %-22s %9s %9s %6s %9s %9s %9s %6s %12s %12s\n", "MPI function", "calls", "time s", "app %",
		"min s", "mean s", "max s", "@rank", "sent B", "received B");
	for (size_t i = 0; i < s->nfuncs; i++) {
		const struct mpi_func_row *f = &s->funcs[i];
		fputs("  ", out);
		text_print(out, f->name, 22);
		fprintf(out, " %9" PRIu64 " %9.3f %6.2f %9.4f %9.4f %9.4f %6d %12" PRIu64 " %12" PRIu64 "\n", f->calls,
			f->time, s->app > 0 ? 100 * f->time / s->app : 0.0, f->min, f->mean, f->max, f->at, f->sent,
			f->received);
	}
}

static void print_sites(FILE *out, struct mpi_totals *t, double app, long top)
{
	size_t shown = top >= 0 && (size_t)top < t->nsites ? (size_t)top : t->nsites;

	sorting = t->funcs;
	qsort(t->sites, t->nsites, sizeof *t->sites, cmp_site);
	fprintf(out, "\n  %-22s %9s %9s %6s %11s %12s %12s  %s\n", "MPI call site", "calls", "time s", "app %",
		"max call s", "sent B", "received B", "called from");
	for (size_t i = 0; i < shown; i++) {
		const struct site_total *st = &t->sites[i];
		fputs("  ", out);
		text_print(out, t->funcs[st->func].name, 22);
		fprintf(out, " %9" PRIu64 " %9.3f %6.2f %11.6f %12" PRIu64 " %12" PRIu64 "  ", st->calls, st->time,
			app > 0 ? 100 * st->time / app : 0.0, st->max_call, st->sent, st->received);
		text_print(out, st->site, 0);
		fputc('\n', out);
	}
	if (shown < t->nsites)
		fprintf(out, "  ... %zu more call sites (--top)\n", t->nsites - shown);
}

int mpi_summarize(struct mpi_totals *t, struct raw_process *const *procs, size_t n, struct mpi_summary *s)
{
	size_t nranks;
	int size;
	struct mpi_rank_row *ranks = find_ranks(procs, n, &nranks, &size);

	*s = (struct mpi_summary){.nranks = nranks, .size = size, .ranks = ranks, .in_mpi = t->in_mpi};
	if (!s->nranks && !t->any) {
		free(ranks);
		return 0;
	}
	for (size_t i = 0; i < s->nranks; i++) {
		long slot = slot_find(t, ranks[i].rank);
		ranks[i].mpi = slot >= 0 ? t->slot_mpi[slot] : 0;
		ending(ranks[i].main, ranks[i].ending, sizeof ranks[i].ending);
		s->app += ranks[i].wall;
	}
	spread_functions(s, t);
	return 1;
}

void mpi_summary_free(struct mpi_summary *s)
{
	free(s->ranks);
	free(s->funcs);
}

void mpi_print(FILE *out, struct mpi_totals *t, struct raw_process *const *procs, size_t n, long top)
{
	struct mpi_summary s;

	if (!mpi_summarize(t, procs, n, &s))
		return;
	fprintf(out, "\nMPI: %zu ranks", s.nranks);
	if (s.size)
		fprintf(out, " of %d", s.size);
	fprintf(out, "; %.1f%% of their time in MPI calls\n\n", s.app > 0 ? 100 * s.in_mpi / s.app : 0.0);
	if (s.nranks) {
		print_ranks(out, &s);
		print_missing(out, s.ranks, s.nranks, s.size);
	}
	if (s.nfuncs)
		print_functions(out, &s);
	if (t->nsites)
		print_sites(out, t, s.app, top);
	if (t->lost)
		fprintf(out, "Note: %" PRIu64 " MPI calls are in the table above but not here: a rank had more call sites "
			     "than it keeps (%d)\n", t->lost, CPROF_MPI_SITES);
	mpi_summary_free(&s);
}

void mpi_free(struct mpi_totals *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nfuncs; i++) {
		free(t->funcs[i].name);
		free(t->funcs[i].per_rank);
	}
	free(t->funcs);
	for (size_t i = 0; i < t->nsites; i++)
		free(t->sites[i].site);
	free(t->sites);
	free(t->slot_mpi);
	u64map_free(&t->slots);
	free(t);
}
