#!/usr/bin/env node
// make-sample.js: synthetic cprof HTML reports, the viewer's template filled
// with data of the shape cprof-report writes (analysis/viewer/viewer.html
// says where): a small profile of two processes and their threads, one with
// hostile names, an MPI job of 4 ranks, one of 1024 ranks with a view each,
// a diff of two runs, and a call tree of 100,000 nodes.  They are the shapes the viewer must handle; the large
// one is the case its open time is measured on.
//
//   node make-sample.js OUTDIR [TEMPLATE]
'use strict';
const fs = require('fs');
const path = require('path');

// ---- building profiles ---------------------------------------------------
class Builder {
	constructor() {
		this.funcs = [];
		this.index = new Map();
	}
	// the index of function (file, line, name)
	fn(file, line, name) {
		const key = file + '\0' + line + '\0' + name;
		if (!this.index.has(key)) {
			this.index.set(key, this.funcs.length);
			this.funcs.push({ file, line, name });
		}
		return this.index.get(key);
	}
}
// A node of a nested call tree: function, calls, self seconds, kind, children
const node = (f, c, s, k, ...kids) => ({ f, c, s, k, kids });
const root = (...kids) => node(-1, 0, 0, 0, ...kids);
const round = (x) => Math.round(x * 1e6) / 1e6;

// Trees of the same shape added path by path, as views are merged
function merge(trees) {
	const out = root();
	const add = (into, from) => {
		for (const k of from.kids) {
			let m = into.kids.find((x) => x.f === k.f);
			if (!m) into.kids.push((m = node(k.f, 0, 0, k.k)));
			m.c += k.c;
			m.s += k.s;
			add(m, k);
		}
	};
	for (const t of trees) add(out, t);
	return out;
}
function scaled(tree, by) {
	return { f: tree.f, c: tree.c, s: tree.s * by, k: tree.k, kids: tree.kids.map((k) => scaled(k, by)) };
}

// The preorder arrays of a nested tree; bases, where given, maps a node to
// its base total (diff mode)
function flatten(tree, bases) {
	const T = { f: [], p: [], c: [], t: [], s: [], k: [] };
	if (bases) T.bt = [];
	const walk = (n, p) => {
		const i = T.f.length;
		T.f.push(n.f), T.p.push(p), T.c.push(n.c), T.s.push(round(n.s)), T.t.push(0), T.k.push(n.k);
		if (bases) T.bt.push(round(bases.get(n) || 0));
		let t = n.s;
		for (const k of n.kids) t += walk(k, i);
		T.t[i] = round(t);
		return t;
	};
	walk(tree, -1);
	return T;
}

// The cProfile table of a call tree in preorder arrays: a call nested in
// another of the same function adds to ncalls and tottime, not to the
// primitive calls nor to cumtime
function table(T) {
	const agg = new Map();
	for (let i = 1; i < T.f.length; i++) {
		const f = T.f[i];
		let r = agg.get(f);
		if (!r) agg.set(f, (r = { cc: 0, nc: 0, tt: 0, ct: 0, kinds: 0 }));
		r.nc += T.c[i];
		r.tt += T.s[i];
		r.kinds |= 1 << T.k[i];
		let nested = false;
		for (let a = T.p[i]; a > 0 && !nested; a = T.p[a]) nested = T.f[a] === f;
		if (!nested) (r.cc += T.c[i]), (r.ct += T.t[i]);
	}
	const rows = [];
	const totals = { calls: 0, prim: 0, tt: 0 };
	for (const [f, r] of agg) {
		const kind = r.kinds & 1 ? 0 : r.kinds & 4 ? 2 : 1;
		rows.push([f, r.cc, r.nc, round(r.tt), round(r.ct), kind]);
		totals.calls += r.nc;
		totals.prim += r.cc;
		totals.tt += r.tt;
	}
	totals.tt = round(totals.tt);
	return { rows, totals };
}
function view(label, kind, of, note, T, keepTree = true) {
	const { rows, totals } = table(T);
	return { label, kind, of, note, tree: keepTree ? T : null, rows, totals };
}
function report(b, title, views, extra = {}) {
	return Object.assign({ format: 1, generator: 'cprof 0.1.0', title, diff: null, funcs: b.funcs, views, mpi: null, omitted: '' }, extra);
}

// ---- the small profile: python3 faster.py, forked worker and a thread ----
function faster(b, speed = 1, variant = 0) {
	const py = (line, name) => b.fn('/home/user/proj/faster.py', line, name);
	const bi = (name) => b.fn('~', 0, name);
	const blas = bi('dgemm_kernel_HASWELL');
	const fib = py(20, 'fib');
	let fibs = null;
	for (let d = 4; d >= 0; d--) fibs = node(fib, 10 << d, 0.004 * (5 - d), 0, ...(fibs ? [fibs] : []));
	const compute = node(py(12, 'compute'), 10, 0.31 * speed, 0,
		node(py(5, 'add2'), 2000, 0.12 * speed, 0),
		fibs,
		node(blas, 0, 0.8 * speed, 1, node(bi('exp'), 0, 0.05, 1)));
	if (variant === 1) compute.kids.push(node(py(60, 'cache_lookup'), 500, 0.04, 0));
	const main = node(py(30, 'main'), 1, 0.001, 0,
		node(py(8, 'load'), 1, 0.02, 0, node(bi('<built-in method io.open>'), 1, 0.001, 0),
			node(bi("<method 'read' of '_io.TextIOWrapper' objects>"), 1, 0.004, 0)),
		compute,
		node(bi('<built-in method time.sleep>'), 1, 1.0, 0),
		node(py(40, 'report'), 1, 0.01, 0, node(bi('<built-in method builtins.print>'), 5, 0.002, 0)));
	if (variant === 0) main.kids.push(node(py(70, 'legacy_check'), 3, 0.03, 0));
	const thread = root(node(b.fn('/usr/lib/python3.11/threading.py', 1012, 'run'), 1, 0.0005, 0,
		node(py(50, 'worker'), 1, 0.002, 0, node(py(12, 'compute'), 2, 0.07 * speed, 0, node(py(5, 'add2'), 400, 0.025 * speed, 0)))));
	const child = root(node(py(50, 'worker'), 1, 0.003, 0,
		node(py(12, 'compute'), 5, 0.15 * speed, 0, node(py(5, 'add2'), 1000, 0.06 * speed, 0)),
		node(b.fn('~', 0, 'memcpy'), 1200, 0.09, 2)));
	return { main: root(node(py(1, '<module>'), 1, 0.002, 0, main)), thread, child };
}
function small() {
	const b = new Builder();
	const p = faster(b);
	const parent = merge([p.main, p.thread]);
	const all = merge([parent, p.child]);
	const note = 'Traced: Python functions, exactly. Sampled wall time at 1000 Hz: 812 samples, 0 dropped.\n' +
		'2 of 14 functions are estimates from them; the others were traced, exactly.';
	return report(b, 'python3 faster.py', [
		view('All processes', 'merged', -1, note, flatten(all)),
		view('pid 4242: python3 faster.py', 'process', 0, '', flatten(parent)),
		view('pid 4242 thread 1 (MainThread)', 'thread', 1, '', flatten(p.main)),
		view('pid 4242 thread 2 (Thread-1)', 'thread', 1, '', flatten(p.thread)),
		view('pid 4243: python3 faster.py (forked)', 'process', 0, 'memcpy: calls counted by uprobes, time sampled.', flatten(p.child)),
	]);
}

// ---- hostile names -------------------------------------------------------
const HOSTILE = [
	'<img src=x onerror=alert(1)>',
	'</script><script>alert(2)</script>',
	'&amp; &lt;b&gt; "dq" \'sq\' `bt`',
	'ctl\x01\x1b[31mred\x07\ttab\nline',
	'Ünïcødé 名前 🔥 \u202eevil',
	'<!--',
];
function hostile() {
	const b = new Builder();
	const f = HOSTILE.map((name, j) => b.fn(j === 1 ? '/tmp/<b>x</b>/"evil".py' : '/tmp/h.py', j + 1, name));
	const tree = root(node(f[0], 1, 0.5, 0, node(f[1], 2, 0.4, 0, node(f[2], 3, 0.3, 0, node(f[3], 4, 0.3, 1))),
		node(f[4], 5, 0.4, 0, node(f[5], 6, 0.3, 2))));
	const T = flatten(tree);
	const t = '<script>alert(3)</script> "q" &amp; \x1b]0;title\x07';
	return report(b, t, [view('All </script><img src=x onerror=alert(4)>', 'merged', -1, 'note <b>bold</b> &amp;\nline 2 </script>', T),
		view('second <i>view</i>', 'process', 0, '', T)], {
		omitted: 'per-thread views of <b>2</b> processes left out </script>',
		mpi: { size: 1, ranks: [{ rank: 0, host: '<b>host</b>', pid: 1, wall: 2, mpi: 0, ending: '</script><img src=x onerror=alert(5)>' }],
			spread: [[f[0], 1, 1, 1, 0, 2, 2, 2, 0]], calls: [{ name: '<img src=x onerror=alert(6)>', calls: 1, time: 0, min: 0, mean: 0, max: 0, rank: 0 }] },
	});
}

// ---- an MPI job of 4 ranks -----------------------------------------------
function mpi() {
	const b = new Builder();
	const c = (line, name) => b.fn('/home/user/mpi/solver.c', line, name);
	const m = (name) => b.fn('~', 0, name);
	const n = 4, trees = [], host = ['node1', 'node1', 'node2', 'node2'];
	const work = [1.0, 1.05, 1.1, 1.6];
	const slowest = Math.max(...work);
	for (let r = 0; r < n; r++) {
		const wait = slowest - work[r] + 0.02;
		trees.push(root(node(c(88, 'main'), 1, 0.002, 0,
			node(m('MPI_Init'), 1, 0.15 + 0.01 * r, 0),
			node(c(40, 'solve'), 1, 0.01, 0,
				node(c(12, 'stencil'), 100, work[r] * 0.8, 0, node(m('sqrt'), 0, work[r] * 0.1, 1)),
				node(c(60, 'halo_exchange'), 100, 0.01, 0, node(m('MPI_Isend'), 200, 0.004, 0), node(m('MPI_Irecv'), 200, 0.003, 0),
					node(m('MPI_Waitall'), 100, 0.02 + 0.01 * r, 0)),
				node(m('MPI_Allreduce'), 100, wait, 0)),
			node(m('MPI_Finalize'), 1, 0.01, 0))));
	}
	const flat = trees.map((t) => flatten(t));
	const views = [view('All ranks', 'merged', -1, 'Traced: native functions (-finstrument-functions) and MPI calls (PMPI), exactly.', flatten(merge(trees)))];
	for (let r = 0; r < n; r++)
		views.push(view('rank ' + r + ' (' + host[r] + ' pid ' + (5001 + r) + ')', 'rank', 0, '', flat[r], r < 2));
	views.push(view('rank 0 thread 2', 'thread', 1, '', flatten(root(node(c(200, 'progress_thread'), 1, 0.3, 1)))));
	const tables = flat.map((T) => new Map(table(T).rows.map((row) => [row[0], row])));
	const spread = [];
	for (const row of views[0].rows) {
		const tt = tables.map((t) => (t.get(row[0]) || [0, 0, 0, 0, 0])[3]);
		const ct = tables.map((t) => (t.get(row[0]) || [0, 0, 0, 0, 0])[4]);
		const stats = (v) => [Math.min(...v), round(v.reduce((a, x) => a + x, 0) / n), Math.max(...v), v.indexOf(Math.max(...v))];
		spread.push([row[0], ...stats(tt), ...stats(ct)]);
	}
	const calls = [];
	for (const row of views[0].rows) {
		const name = b.funcs[row[0]].name;
		if (!name.startsWith('MPI_')) continue;
		const tt = tables.map((t) => t.get(row[0])[3]);
		const max = Math.max(...tt);
		calls.push({ name, calls: row[2], time: row[3], min: Math.min(...tt), mean: round(row[3] / n), max, rank: tt.indexOf(max) });
	}
	const ranks = flat.map((T, r) => {
		const mpiTime = table(T).rows.filter((row) => b.funcs[row[0]].name.startsWith('MPI_')).reduce((a, row) => a + row[3], 0);
		return { rank: r, host: host[r], pid: 5001 + r, wall: round(T.t[0] + 0.05), mpi: round(mpiTime), ending: r === 3 ? 'killed by signal 15 (Terminated)' : '' };
	});
	return report(b, 'mpiexec -np 4 cprof-mpi ./solver', views, {
		mpi: { size: n, ranks, spread, calls },
		omitted: 'The call trees of ranks 2 and 3 were left out to keep the file small.',
	});
}

// ---- 1024 ranks: a view each, without its call tree ----------------------
function ranks(n = 1024) {
	const b = new Builder();
	const main = b.fn('/home/user/mpi/solver.c', 88, 'main'), step = b.fn('/home/user/mpi/solver.c', 40, 'step');
	const wait = b.fn('~', 0, 'MPI_Allreduce');
	const trees = [], ranks = [];
	for (let r = 0; r < n; r++) {
		const work = 2 + Math.sin(r) * 0.2 + (r === 700 ? 1.5 : 0), idle = 3.6 - work;
		trees.push(root(node(main, 1, 0.01, 0, node(step, 50, work, 0), node(wait, 50, idle, 0))));
		ranks.push({ rank: r, host: 'node' + (r >> 5), pid: 20000 + r, wall: round(3.7), mpi: round(idle), ending: '' });
	}
	const views = [view('All ranks', 'merged', -1, '', flatten(merge(trees)))];
	for (let r = 0; r < n; r++) views.push(view('rank ' + r, 'rank', 0, '', flatten(trees[r]), false));
	const per = (f, j) => trees.map((t) => table(flatten(t)).rows.find((row) => row[0] === f)[j]);
	const spread = [main, step, wait].map((f) => {
		const tt = per(f, 3), ct = per(f, 4);
		const st = (v) => [Math.min(...v), round(v.reduce((a, x) => a + x, 0) / n), Math.max(...v), v.indexOf(Math.max(...v))];
		return [f, ...st(tt), ...st(ct)];
	});
	const t = per(wait, 3);
	return report(b, 'mpiexec -np 1024 cprof-mpi ./solver', views, {
		mpi: { size: n, ranks, spread, calls: [{ name: 'MPI_Allreduce', calls: 50 * n, time: round(t.reduce((a, x) => a + x, 0)),
			min: Math.min(...t), mean: round(t.reduce((a, x) => a + x, 0) / n), max: Math.max(...t), rank: t.indexOf(Math.max(...t)) }] },
		omitted: 'The call trees of the 1024 ranks were left out to keep the file small.',
	});
}

// ---- a diff: the small profile before and after a change ---------------
function diff() {
	const b = new Builder();
	const base = faster(b, 1, 0), now = faster(b, 0.6, 1);
	const baseTree = merge([base.main, base.thread, base.child]), newTree = merge([now.main, now.thread, now.child]);
	// each node of the new tree with the total of the same path in the base
	const total = (n) => n.s + n.kids.reduce((a, k) => a + total(k), 0);
	const bases = new Map();
	const pair = (n, o) => {
		bases.set(n, o ? total(o) : 0);
		for (const k of n.kids) pair(k, o && o.kids.find((x) => x.f === k.f));
	};
	pair(newTree, baseTree);
	const T = flatten(newTree, bases);
	const nt = table(T), bt = table(flatten(baseTree));
	const bmap = new Map(bt.rows.map((r) => [r[0], r]));
	const rows = nt.rows.map((r) => {
		const o = bmap.get(r[0]);
		bmap.delete(r[0]);
		return o ? [...r, o[1], o[2], o[3], o[4], 0] : [...r, 0, 0, 0, 0, 1];
	});
	for (const o of bmap.values()) rows.push([o[0], 0, 0, 0, 0, o[5], o[1], o[2], o[3], o[4], 2]);
	return report(b, 'python3 faster.py', [{ label: 'All processes', kind: 'merged', of: -1, note: 'Compared by function and by call path.', tree: T, rows, totals: nt.totals }],
		{ diff: { base: 'cprof-4242/ (before)', new: 'cprof-5151/ (after)' } });
}

// ---- 100,000 nodes -------------------------------------------------------
// A random tree grown in preorder: each node's budget of descendants split
// among a few children, unevenly, down to 40 levels
function large(n = 100000) {
	const b = new Builder();
	let seed = 12345;
	const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
	const pool = [];
	for (let i = 0; i < 3000; i++) pool.push(b.fn('/src/app/module_' + (i % 150) + '.py', 10 + ((i * 37) % 900), 'func_' + i.toString(36)));
	const T = { f: [-1], p: [-1], c: [0], t: [0], s: [0], k: [0] };
	const grow = (p, depth, budget) => {
		const kids = depth >= 39 ? budget : Math.min(budget, depth === 0 ? 1 : depth === 1 ? 3 : 1 + Math.floor(rand() * 6));
		const w = [];
		for (let j = 0; j < kids; j++) w.push(rand() ** 2 + 0.02);
		let left = budget - kids, wsum = w.reduce((a, x) => a + x, 0);
		const start = Math.floor(rand() * pool.length);
		for (let j = 0; j < kids; j++) {
			const share = j === kids - 1 ? left : Math.round((left * w[j]) / wsum);
			left -= share;
			wsum -= w[j];
			const f = (start + j * 7) % pool.length, i = T.f.length; // siblings: distinct functions
			const k = f % 7 === 3 ? 1 : 0; // some functions only sampled
			T.f.push(f), T.p.push(p), T.c.push(k ? 0 : 1 + Math.floor(rand() * 50)), T.s.push(round(rand() ** 3 * 0.01)), T.t.push(0), T.k.push(k);
			grow(i, depth + 1, share);
		}
	};
	grow(0, 0, n - 1);
	for (let i = n - 1; i > 0; i--) {
		T.t[i] = round(T.t[i] + T.s[i]);
		T.t[T.p[i]] += T.t[i];
	}
	T.t[0] = round(T.t[0]);
	return report(b, 'python3 -m app --large', [view('All processes', 'merged', -1, n + ' call-tree nodes, synthetic.', T),
		view('pid 1 (no tree)', 'process', 0, 'A view whose call tree was left out.', T, false)]);
}

// ---- the HTML ------------------------------------------------------------
// JSON in a script element: every "<" escaped, so that no string can end
// the element or open a comment in it; U+2028 and U+2029 too, for old
// readers that take the block for script
function fill(template, data) {
	const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
	const lines = template.split('\n');
	const at = lines.map((l, i) => (l.trim() === '<!--CPROF-DATA-->' ? i : -1)).filter((i) => i >= 0);
	if (at.length !== 1) throw new Error('the template has ' + at.length + ' lines <!--CPROF-DATA-->, not one');
	lines[at[0]] = '<script id="cprof-data" type="application/json">' + json + '</script>';
	return lines.join('\n');
}

function main() {
	const out = process.argv[2];
	if (!out) {
		console.error('usage: node make-sample.js OUTDIR [TEMPLATE]');
		process.exit(2);
	}
	const template = fs.readFileSync(process.argv[3] || path.join(__dirname, '..', '..', 'analysis', 'viewer', 'viewer.html'), 'utf8');
	fs.mkdirSync(out, { recursive: true });
	const samples = { small, hostile, mpi, ranks, diff, large };
	for (const [name, make] of Object.entries(samples))
		fs.writeFileSync(path.join(out, name + '.html'), fill(template, make()));
}

if (require.main === module) main();
module.exports = { fill, HOSTILE };
