/* stacks.c: stacks merged into one tree labelled by member sets (stacks.h).
 *
 * A node is a frame under its caller's node; it holds the sorted members
 * with a thread through it and how many threads.  The text shows a chain of
 * frames with the same members at one indentation, and indents only where
 * the stacks part: a hung job's tree is a trunk and a few branches. */
#define _GNU_SOURCE /* open_memstream */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "output.h"
#include "stacks.h"
#include "util.h"

struct snode {
	uint32_t name;     /* in the string table */
	size_t parent;
	size_t *child, nchild, capchild;
	long *member;      /* sorted, distinct */
	size_t nmember, capmember;
	size_t threads;    /* through this frame */
};

struct leaf { /* a thread's stack: who, and the node it ends at */
	long member;
	size_t node;
};

struct stacks {
	struct strtab *names;
	struct snode *node; /* [0]: the root, above every outermost frame */
	size_t nnode, capnode;
	struct leaf *leaf;
	size_t nleaf, capleaf;
};

struct stacks *stacks_new(void)
{
	struct stacks *s = xcalloc(1, sizeof *s);

	s->names = strtab_new();
	GROW(s->node, s->capnode, 1);
	memset(&s->node[0], 0, sizeof s->node[0]);
	s->nnode = 1;
	return s;
}

void stacks_free(struct stacks *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nnode; i++) {
		free(s->node[i].child);
		free(s->node[i].member);
	}
	free(s->node);
	free(s->leaf);
	strtab_free(s->names);
	free(s);
}

static void add_member(struct snode *n, long member)
{
	size_t lo = 0, hi = n->nmember;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (n->member[mid] < member)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n->nmember && n->member[lo] == member)
		return;
	GROW(n->member, n->capmember, n->nmember + 1);
	memmove(n->member + lo + 1, n->member + lo, (n->nmember - lo) * sizeof *n->member);
	n->member[lo] = member;
	n->nmember++;
}

static size_t child_of(struct stacks *s, size_t parent, uint32_t name)
{
	struct snode *p = &s->node[parent];
	size_t c;

	for (size_t i = 0; i < p->nchild; i++)
		if (s->node[p->child[i]].name == name)
			return p->child[i];
	c = s->nnode;
	GROW(s->node, s->capnode, c + 1);
	memset(&s->node[c], 0, sizeof s->node[c]);
	s->node[c].name = name;
	s->node[c].parent = parent;
	s->nnode++;
	p = &s->node[parent]; /* the array may have moved */
	GROW(p->child, p->capchild, p->nchild + 1);
	p->child[p->nchild++] = c;
	return c;
}

void stacks_add(struct stacks *s, long member, const char *const *frames, int n)
{
	size_t at = 0;

	add_member(&s->node[0], member);
	s->node[0].threads++;
	for (int i = 0; i < n; i++) {
		at = child_of(s, at, strtab_intern(s->names, frames[i]));
		add_member(&s->node[at], member);
		s->node[at].threads++;
	}
	GROW(s->leaf, s->capleaf, s->nleaf + 1);
	s->leaf[s->nleaf].member = member;
	s->leaf[s->nleaf++].node = at;
}

void stacks_format_set(const long *m, size_t n, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = 0;
	for (size_t i = 0; i < n && len < size; i++) {
		size_t j = i;
		while (j + 1 < n && m[j + 1] == m[j] + 1)
			j++;
		if (j == i)
			len += (size_t)snprintf(buf + len, size - len, "%s%ld", i ? "," : "", m[i]);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%ld-%ld", i ? "," : "", m[i], m[j]);
		i = j;
	}
	if (len >= size && size > 4)
		strcpy(buf + size - 4, "...");
}

static int same_members(const struct snode *a, const struct snode *b)
{
	return a->nmember == b->nmember && !memcmp(a->member, b->member, a->nmember * sizeof *a->member);
}

static void print_node(const struct stacks *s, FILE *out, size_t at, int depth)
{
	char set[256];
	const struct snode *n = &s->node[at];

	stacks_format_set(n->member, n->nmember, set, sizeof set);
	fprintf(out, "%*s[%s] %zu %s  %s\n", 2 * depth, "", set, n->threads, n->threads == 1 ? "thread" : "threads",
		strtab_str(s->names, n->name));
	/* the same members, one callee: the chain goes on at this depth */
	while (n->nchild == 1 && same_members(n, &s->node[n->child[0]]) && n->threads == s->node[n->child[0]].threads) {
		n = &s->node[n->child[0]];
		fprintf(out, "%*s%*s  %s\n", 2 * depth, "", (int)(strlen(set) + 2 + snprintf(NULL, 0, "%zu %s", n->threads,
			n->threads == 1 ? "thread" : "threads")), "", strtab_str(s->names, n->name));
	}
	for (size_t i = 0; i < n->nchild; i++)
		print_node(s, out, n->child[i], depth + 1);
}

static int by_member_node(const void *a, const void *b)
{
	const struct leaf *x = a, *y = b;

	if (x->member != y->member)
		return x->member < y->member ? -1 : 1;
	return x->node < y->node ? -1 : x->node > y->node;
}

/* Whether members a and b (runs of the sorted leaves) end their threads at
 * the same nodes, as many times. */
static int same_leaves(const struct leaf *l, const size_t *start, size_t a, size_t b)
{
	size_t len = start[a + 1] - start[a];

	if (start[b + 1] - start[b] != len)
		return 0;
	for (size_t k = 0; k < len; k++)
		if (l[start[a] + k].node != l[start[b] + k].node)
			return 0;
	return 1;
}

/* The classes: members whose threads end at the same nodes. */
static void print_classes(const struct stacks *s, FILE *out, const char *kind)
{
	struct leaf *l = xmalloc(s->nleaf * sizeof *l);
	size_t *start = xmalloc((s->nleaf + 1) * sizeof *start), *class, nm = 0, nclass = 0;
	long *members;

	memcpy(l, s->leaf, s->nleaf * sizeof *l);
	qsort(l, s->nleaf, sizeof *l, by_member_node);
	for (size_t i = 0; i < s->nleaf; i++)
		if (!i || l[i].member != l[i - 1].member)
			start[nm++] = i;
	start[nm] = s->nleaf;
	class = xmalloc(nm * sizeof *class);
	for (size_t a = 0; a < nm; a++) {
		size_t b = 0;
		while (b < a && (class[b] != b || !same_leaves(l, start, b, a)))
			b++; /* b: the first member of a class like a's */
		class[a] = b < a ? b : (nclass++, a);
	}
	fprintf(out, "\n%zu %s of %zu %s%s (%ss whose threads' stacks are all the same):\n", nclass,
		nclass == 1 ? "class" : "classes", nm, kind, nm == 1 ? "" : "s", kind);
	members = xmalloc(nm * sizeof *members);
	for (size_t a = 0; a < nm; a++) {
		size_t n = 0, len = start[a + 1] - start[a];
		char set[256];
		if (class[a] != a)
			continue;
		for (size_t b = a; b < nm; b++)
			if (class[b] == a)
				members[n++] = l[start[b]].member;
		stacks_format_set(members, n, set, sizeof set);
		fprintf(out, "  [%s] %zu %s%s, %zu %s each, in:", set, n, kind, n == 1 ? "" : "s", len,
			len == 1 ? "thread" : "threads");
		for (size_t k = 0; k < len; k++) {
			size_t at = l[start[a] + k].node;
			fprintf(out, "%s %s", k ? "," : "", at ? strtab_str(s->names, s->node[at].name) : "(no frames)");
		}
		fputc('\n', out);
	}
	free(members);
	free(class);
	free(start);
	free(l);
}

void stacks_print(const struct stacks *s, FILE *out, const char *kind)
{
	const struct snode *root = &s->node[0];

	fprintf(out, "%zu %s%s, %zu %s\n", root->nmember, kind, root->nmember == 1 ? "" : "s", root->threads,
		root->threads == 1 ? "thread" : "threads");
	for (size_t i = 0; i < root->nchild; i++)
		print_node(s, out, root->child[i], 0);
	if (s->nleaf)
		print_classes(s, out, kind);
}

/* The HTML page: the viewer, in its mode for stacks (docs/OUTPUTS.md): a
 * frame's width is its threads, and its label starts with its members. */
struct html_stacks {
	const struct stacks *s;
	const char *kind;
};

/* The nodes in preorder, as the viewer wants them. */
static void preorder(const struct stacks *s, size_t at, size_t *order, size_t *n)
{
	order[(*n)++] = at;
	for (size_t i = 0; i < s->node[at].nchild; i++)
		preorder(s, s->node[at].child[i], order, n);
}

static void write_stacks(FILE *out, const void *arg)
{
	const struct stacks *s = ((const struct html_stacks *)arg)->s;
	const char *kind = ((const struct html_stacks *)arg)->kind;
	size_t *order = xmalloc(s->nnode * sizeof *order), *newid = xmalloc(s->nnode * sizeof *newid), n = 0;
	size_t *ends = xcalloc(s->nnode, sizeof *ends), len = 0;
	uint32_t *func = xmalloc(s->nnode * sizeof *func), nfunc = 0;
	struct u64map funcs; /* name -> index in funcs */
	char *note = NULL, set[256], label[128];
	FILE *mem;

	u64map_init(&funcs);
	preorder(s, 0, order, &n);
	for (size_t i = 0; i < n; i++)
		newid[order[i]] = i;
	for (size_t i = 0; i < s->nleaf; i++)
		ends[s->leaf[i].node]++;
	fputs("\"unit\":\"threads\",\"members\":", out);
	json_string(out, kind);
	fputs(",\"diff\":null,\"title\":", out);
	snprintf(label, sizeof label, "the stacks of %zu %s%s", s->node[0].nmember, kind, s->node[0].nmember == 1 ? "" : "s");
	json_string(out, label);
	fputs(",\"funcs\":[", out);
	for (size_t i = 1; i < n; i++) {
		uint64_t *slot = u64map_get(&funcs, s->node[order[i]].name, UINT64_MAX);
		if (*slot == UINT64_MAX) {
			*slot = nfunc;
			fputs(nfunc++ ? ",{\"file\":\"~\",\"line\":0,\"name\":" : "{\"file\":\"~\",\"line\":0,\"name\":", out);
			json_string(out, strtab_str(s->names, s->node[order[i]].name));
			fputc('}', out);
		}
		func[i] = (uint32_t)*slot;
	}
	fputs("],\"views\":[{\"label\":", out);
	snprintf(label, sizeof label, "%zu %s%s, %zu %s", s->node[0].nmember, kind, s->node[0].nmember == 1 ? "" : "s",
		 s->node[0].threads, s->node[0].threads == 1 ? "thread" : "threads");
	json_string(out, label);
	fputs(",\"kind\":\"merged\",\"of\":-1,\"note\":", out);
	if ((mem = open_memstream(&note, &len))) {
		if (s->nleaf)
			print_classes(s, mem, kind);
		fclose(mem);
	}
	json_string(out, note ? note + (note[0] == '\n') : "");
	fputs(",\"tree\":{\"f\":[-1", out);
	for (size_t i = 1; i < n; i++)
		fprintf(out, ",%u", func[i]);
	fputs("],\"p\":[-1", out);
	for (size_t i = 1; i < n; i++)
		fprintf(out, ",%zu", newid[s->node[order[i]].parent]);
	fputs("],\"c\":[", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%zu", i ? "," : "", s->node[order[i]].threads);
	fputs("],\"t\":[", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%zu", i ? "," : "", s->node[order[i]].threads);
	fputs("],\"s\":[", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%zu", i ? "," : "", ends[order[i]]);
	fputs("],\"k\":[", out);
	for (size_t i = 0; i < n; i++)
		fputs(i ? ",1" : "1", out);
	fputs("],\"m\":[", out);
	for (size_t i = 0; i < n; i++) {
		const struct snode *nd = &s->node[order[i]];
		stacks_format_set(nd->member, nd->nmember, set, sizeof set);
		if (i)
			fputc(',', out);
		json_string(out, set);
	}
	fputs("]},\"rows\":[],\"totals\":null}],\"mpi\":null,\"omitted\":\"\"", out);
	free(note);
	u64map_free(&funcs);
	free(func);
	free(ends);
	free(newid);
	free(order);
}

int stacks_html(const struct stacks *s, FILE *out, const char *kind)
{
	struct html_stacks args = {s, kind};

	return html_page(out, write_stacks, &args);
}
