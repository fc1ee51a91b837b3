/* mpi.c: the MPI part of a report (docs/MPI.md): the ranks, and what their
 * MPI calls took, per function and per call site, with the spread across
 * ranks, in the manner of mpiP. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mpi.h"

struct rank {
	int rank;
	const struct raw_process *main; /* the one that ran MPI, else the first */
	double wall, mpi;               /* seconds */
};

struct func_total {
	char *name;
	uint64_t calls, sent, received;
	double time;
	double *per_rank; /* nranks, indexed like the ranks */
};

struct site_total {
	size_t func; /* index into the functions */
	char *site;
	uint64_t calls, sent, received;
	double time, max_call;
};

static int cmp_rank(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;

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
	const char *file = strtab_str(strings, k.file), *name = strtab_str(strings, k.name);
	const char *slash = strrchr(file, '/');
	size_t len = strlen(name);
	char *buf = xmalloc(strlen(file) + len + 24);

	if (strcmp(file, "~") == 0 && len >= 2 && name[0] == '<' && name[len - 1] == '>')
		sprintf(buf, "%.*s", (int)(len - 2), name + 1);
	else
		sprintf(buf, "%s:%u(%s)", slash ? slash + 1 : file, k.line, name);
	return buf;
}

static int rank_index(const struct rank *ranks, size_t n, int rank)
{
	for (size_t i = 0; i < n; i++)
		if (ranks[i].rank == rank)
			return (int)i;
	return -1;
}

/* The ranks present, each with its main process. */
static struct rank *find_ranks(struct raw_process *const *procs, size_t n, size_t *nranks, int *size)
{
	struct rank *ranks = NULL;
	size_t cap = 0;

	*nranks = 0;
	*size = 0;
	for (size_t i = 0; i < n; i++) {
		const struct raw_process *p = procs[i];
		int at;
		if (p->info.rank < 0)
			continue;
		if (p->info.size > *size)
			*size = p->info.size;
		at = rank_index(ranks, *nranks, p->info.rank);
		if (at < 0) {
			GROW(ranks, cap, *nranks + 1);
			ranks[*nranks] = (struct rank){.rank = p->info.rank, .main = p};
			at = (int)(*nranks)++;
		} else if (p->mpi && !ranks[at].main->mpi) {
			ranks[at].main = p;
		}
	}
	qsort(ranks, *nranks, sizeof *ranks, cmp_rank);
	for (size_t i = 0; i < *nranks; i++) {
		const struct raw_process *p = ranks[i].main;
		ranks[i].wall = p->info.end_ns > p->info.start_ns ? (double)(p->info.end_ns - p->info.start_ns) * 1e-9 : 0;
	}
	return ranks;
}

/* Why a rank's data may be short of its whole run. */
static const char *partial(const struct raw_process *p, char *buf, size_t size)
{
	if (p->truncated)
		return "profile truncated";
	if (p->info.end_reason == CPROF_END_SIGNAL) {
		snprintf(buf, size, "killed by signal %d (%s)", p->info.end_value, strsignal(p->info.end_value));
		return buf;
	}
	if (p->info.end_reason == CPROF_END_MPI_ABORT) {
		snprintf(buf, size, "called MPI_Abort (error code %d)", p->info.end_value);
		return buf;
	}
	return "";
}

static void print_ranks(FILE *out, const struct rank *ranks, size_t nranks, int size)
{
	char why[128], *missing = NULL;
	size_t len = 0, cap = 0;
	int nmissing = 0;

	fprintf(out, "  %5s  %-20s %8s %9s %9s %6s\n", "rank", "host", "pid", "wall s", "MPI s", "MPI %");
	for (size_t i = 0; i < nranks; i++) {
		const struct raw_process *p = ranks[i].main;
		fprintf(out, "  %5d  %-20s %8d %9.3f %9.3f %6.1f  %s\n", ranks[i].rank, p->host, p->info.pid, ranks[i].wall,
			ranks[i].mpi, ranks[i].wall > 0 ? 100 * ranks[i].mpi / ranks[i].wall : 0.0,
			partial(p, why, sizeof why));
	}
	for (int r = 0; r < size; r++) {
		char num[16];
		if (rank_index(ranks, nranks, r) >= 0)
			continue;
		snprintf(num, sizeof num, "%s%d", nmissing++ ? ", " : "", r);
		GROW(missing, cap, len + strlen(num) + 1);
		strcpy(missing + len, num);
		len += strlen(num);
	}
	if (nmissing)
		fprintf(out, "Missing: %d of %d ranks wrote no profile: %s\n", nmissing, size, missing);
	free(missing);
}

void mpi_report(FILE *out, struct strtab *strings, struct symbolizer *sym, struct raw_process *const *procs, size_t n,
		long top)
{
	size_t nranks, nfuncs = 0, fcap = 0, nsites = 0, scap = 0;
	int size, any = 0;
	struct rank *ranks = find_ranks(procs, n, &nranks, &size);
	struct func_total *funcs = NULL;
	struct site_total *sites = NULL;
	double app = 0, in_mpi = 0;

	for (size_t i = 0; i < n; i++)
		any |= procs[i]->mpi;
	if (!nranks && !any) {
		free(ranks);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct raw_process *p = procs[i];
		int r = rank_index(ranks, nranks, p->info.rank);
		for (uint32_t k = 0; p->mpi && k < p->mpi_info.nsites; k++) {
			const struct cprof_mpi_site *s = &p->mpi_sites[k];
			char *fname = func_text(strings, symbolize(sym, p, s->func));
			char *where = func_text(strings, symbolize(sym, p, (s->site & CPROF_SITE_PC)
										   ? (s->site & ~CPROF_SITE_PC) - 1
										   : s->site));
			double t = (double)s->ticks * p->sec_per_tick;
			struct func_total *f = NULL;
			struct site_total *st = NULL;
			size_t fi;
			for (fi = 0; fi < nfuncs && strcmp(funcs[fi].name, fname) != 0; fi++)
				;
			if (fi == nfuncs) {
				GROW(funcs, fcap, nfuncs + 1);
				funcs[nfuncs++] = (struct func_total){.name = fname,
								      .per_rank = xcalloc(nranks + 1, sizeof(double))};
				fname = NULL;
			}
			free(fname);
			f = &funcs[fi];
			f->calls += s->calls;
			f->time += t;
			f->sent += s->bytes_sent;
			f->received += s->bytes_received;
			if (r >= 0) {
				f->per_rank[r] += t;
				ranks[r].mpi += t;
			}
			in_mpi += t;
			for (size_t j = 0; j < nsites && !st; j++)
				if (sites[j].func == fi && strcmp(sites[j].site, where) == 0)
					st = &sites[j];
			if (!st) {
				GROW(sites, scap, nsites + 1);
				st = &sites[nsites++];
				*st = (struct site_total){.func = fi, .site = where};
				where = NULL;
			}
			free(where);
			st->calls += s->calls;
			st->time += t;
			st->sent += s->bytes_sent;
			st->received += s->bytes_received;
			if ((double)s->max_ticks * p->sec_per_tick > st->max_call)
				st->max_call = (double)s->max_ticks * p->sec_per_tick;
		}
	}
	for (size_t i = 0; i < nranks; i++)
		app += ranks[i].wall;

	fprintf(out, "\nMPI: %zu ranks", nranks);
	if (size)
		fprintf(out, " of %d", size);
	fprintf(out, "; %.1f%% of their time in MPI calls\n\n", app > 0 ? 100 * in_mpi / app : 0.0);
	if (nranks)
		print_ranks(out, ranks, nranks, size);

	sorting = funcs;
	if (nfuncs) {
		size_t *order = xmalloc(nfuncs * sizeof *order);
		for (size_t i = 0; i < nfuncs; i++)
			order[i] = i;
		qsort(order, nfuncs, sizeof *order, cmp_func);
		fprintf(out, "\n  %-22s %9s %9s %6s %9s %9s %9s %6s %12s %12s\n", "MPI function", "calls", "time s", "app %",
			"min s", "mean s", "max s", "@rank", "sent B", "received B");
		for (size_t i = 0; i < nfuncs; i++) {
			const struct func_total *f = &funcs[order[i]];
			double lo = 0, hi = 0;
			int at = -1;
			for (size_t r = 0; r < nranks; r++) {
				if (r == 0 || f->per_rank[r] < lo)
					lo = f->per_rank[r];
				if (r == 0 || f->per_rank[r] > hi) {
					hi = f->per_rank[r];
					at = ranks[r].rank;
				}
			}
			fprintf(out, "  %-22s %9" PRIu64 " %9.3f %6.2f %9.4f %9.4f %9.4f %6d %12" PRIu64 " %12" PRIu64 "\n",
				f->name, f->calls, f->time, app > 0 ? 100 * f->time / app : 0.0, lo,
				nranks ? f->time / (double)nranks : 0.0, hi, at, f->sent, f->received);
		}
		free(order);
	}
	if (nsites) {
		size_t shown = top >= 0 && (size_t)top < nsites ? (size_t)top : nsites;
		qsort(sites, nsites, sizeof *sites, cmp_site);
		fprintf(out, "\n  %-22s %9s %9s %6s %11s %12s %12s  %s\n", "MPI call site", "calls", "time s", "app %",
			"max call s", "sent B", "received B", "called from");
		for (size_t i = 0; i < shown; i++) {
			const struct site_total *st = &sites[i];
			fprintf(out, "  %-22s %9" PRIu64 " %9.3f %6.2f %11.6f %12" PRIu64 " %12" PRIu64 "  %s\n",
				funcs[st->func].name, st->calls, st->time, app > 0 ? 100 * st->time / app : 0.0,
				st->max_call, st->sent, st->received, st->site);
		}
		if (shown < nsites)
			fprintf(out, "  ... %zu more call sites (--top)\n", nsites - shown);
	}
	free(ranks);
	for (size_t i = 0; i < nfuncs; i++) {
		free(funcs[i].name);
		free(funcs[i].per_rank);
	}
	free(funcs);
	for (size_t i = 0; i < nsites; i++)
		free(sites[i].site);
	free(sites);
}
