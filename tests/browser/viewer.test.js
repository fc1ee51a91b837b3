#!/usr/bin/env node
// viewer.test.js: cprof's HTML reports in headless Chromium.  Opens the
// reports that make-sample.js writes, as a person would (clicks on the
// canvas where a frame is drawn, types in the search box, clicks headers),
// and checks what they show, that they fetch nothing and run nothing of
// their data, and how long the largest takes to open.
//
//   node viewer.test.js SAMPLEDIR [SCREENSHOT.png]
//
// SAMPLEDIR may also hold reports cprof wrote (real-NAME.html), each with
// what to look for in it (real-NAME.json: names, drawn, zoom, search, ranks,
// largest, screenshot); tests/browser.sh makes them.
//
// Prints "ok - ..." and "not ok - ..." lines, and "# ..." for what a
// failure saw (tests/browser.sh counts them); exits 1 only if it could not
// run to its end.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OPEN_LIMIT_MS = 2000;

let failed = 0;
function check(desc, cond, ...diag) {
	console.log((cond ? 'ok - ' : 'not ok - ') + desc);
	if (!cond) {
		failed++;
		for (const d of diag) console.log('# ' + String(d).replace(/\n/g, '\n# '));
	}
}
const eq = (desc, expected, got) => check(desc, JSON.stringify(expected) === JSON.stringify(got), 'expected: ' + JSON.stringify(expected), '     got: ' + JSON.stringify(got));

// ---- the data, read from the file as the viewer reads it -----------------
function dataOf(file) {
	const html = fs.readFileSync(file, 'utf8');
	const m = html.match(/<script id="cprof-data" type="application\/json">(.*?)<\/script>/s);
	return JSON.parse(m[1]);
}
const clean = (s) => String(s).replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
	const c = ch.charCodeAt(0);
	return ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : c < 0x80 ? '\\x' + c.toString(16).padStart(2, '0') : '\\u' + c.toString(16).padStart(4, '0');
});
function stdName(fn) {
	if (fn.file === '~' && fn.line === 0) return clean(/^<.*>$/s.test(fn.name) ? '{' + fn.name.slice(1, -1) + '}' : fn.name);
	return clean(fn.file.replace(/.*\//s, '') + ':' + fn.line + '(' + fn.name + ')');
}
// The share of a view's time in frames whose name holds q, nested frames once
function expectedShare(data, view, q) {
	const T = data.views[view].tree, names = data.funcs.map(stdName);
	let sum = 0;
	const inside = [];
	for (let i = 1; i < T.f.length; i++) {
		const hit = names[T.f[i]].toLowerCase().includes(q.toLowerCase());
		inside[i] = inside[T.p[i]] || hit;
		if (hit && !inside[T.p[i]]) sum += T.t[i];
	}
	return (100 * sum / T.t[0]).toFixed(1) + '%';
}

// ---- the page ------------------------------------------------------------
async function open(browser, file) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
	const url = pathToFileURL(file).href;
	const seen = { errors: [], requests: [], dialogs: [] };
	page.on('pageerror', (e) => seen.errors.push('page error: ' + e.message));
	page.on('console', (m) => m.type() === 'error' && seen.errors.push('console error: ' + m.text()));
	page.on('dialog', (d) => {
		seen.dialogs.push(d.type() + ': ' + d.message());
		d.dismiss().catch(() => {});
	});
	// every request is seen here, file:// ones too: only the report's own goes through
	await page.route('**/*', (route) => {
		const u = route.request().url();
		if (u === url) return route.continue();
		seen.requests.push(u);
		return route.abort();
	});
	const t0 = Date.now();
	await page.goto(url);
	await page.waitForFunction(() => window.cprofViewer && window.cprofViewer.ready, null, { polling: 10 });
	const wall = Date.now() - t0;
	const readyAt = await page.evaluate(() => window.cprofViewer.readyAt);
	return { page, name: path.basename(file), seen, wall, readyAt };
}
async function close(o) {
	const shown = await o.page.evaluate(() => (document.getElementById('error').hidden ? '' : document.getElementById('error').textContent));
	eq(o.name + ': no error shown', '', shown);
	eq(o.name + ': no page or console errors', [], o.seen.errors);
	eq(o.name + ': no request but the file itself', [], o.seen.requests);
	eq(o.name + ': no dialog', [], o.seen.dialogs);
	await o.page.close();
}
const hook = (page, expr, ...args) => page.evaluate(([e, a]) => new Function('v', 'a', 'return ' + e)(window.cprofViewer, a), [expr, args]);
const state = (page) => hook(page, 'v.state()');
const rect = (page, name) => hook(page, 'v.frameRect(a[0])', name);
const cells = (page, sel) => page.$$eval(sel + ' tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
async function clickFrame(page, name) {
	const r = await rect(page, name);
	if (!r) return false;
	await page.locator('#fg').click({ position: { x: r.x + Math.min(r.w / 2, 20), y: r.y + r.h / 2 } });
	return true;
}
// the colour drawn at a frame, [r, g, b]
const colourAt = (page, name) => page.evaluate((n) => {
	const r = window.cprofViewer.frameRect(n), c = document.getElementById('fg'), k = c.width / c.clientWidth;
	return [...c.getContext('2d').getImageData(Math.round((r.x + 2) * k), Math.round((r.y + 2) * k), 1, 1).data].slice(0, 3);
}, name);

// ---- the cases -----------------------------------------------------------
async function small(browser, file, shot) {
	const data = dataOf(file), o = await open(browser, file), page = o.page;
	const V = data.views[0];
	eq('small: the title', data.title, await page.textContent('#title'));
	const names = (await cells(page, '#table')).map((r) => r[r.length - 1]);
	eq('small: the table has a row per function, by name', V.rows.map((r) => stdName(data.funcs[r[0]])).sort(), [...names].sort());
	const labels = await hook(page, 'v.labels()');
	for (const n of ['faster.py:30(main)', 'faster.py:12(compute)', '{built-in method time.sleep}', 'dgemm_kernel_HASWELL'])
		check('small: the flame graph drew ' + n, labels.includes(n), 'labels: ' + JSON.stringify(labels));
	eq('small: the note is shown', V.note, await page.textContent('#note'));

	// flame: root at the bottom; icicle: at the top
	let st = await state(page), root = await rect(page, 'all');
	eq('small: flame: the root at the bottom', st.height, root.y + root.h + 1);
	await page.click('#b-icicle');
	root = await rect(page, 'all');
	eq('small: icicle: the root at the top', [true, 0], [(await state(page)).icicle, root.y]);
	await page.click('#b-flame');

	// zoom on a click, and back
	const before = await rect(page, 'faster.py:12(compute)');
	check('small: compute is drawn narrower than the graph', before && before.w < st.width - 50, JSON.stringify(before));
	await clickFrame(page, 'faster.py:12(compute)');
	const after = await rect(page, 'faster.py:12(compute)');
	st = await state(page);
	check('small: a click on compute zooms: it spans the width', after && after.x === 0 && Math.abs(after.w - st.width) < 1, JSON.stringify(after), JSON.stringify(st));
	eq('small: the zoomed frame is compute', 'faster.py:12(compute)', st.zoom);
	const main = await rect(page, 'faster.py:30(main)');
	check('small: its ancestors are drawn under it, full width', main && main.w === st.width && main.y > after.y, JSON.stringify(main));
	check('small: its siblings are not drawn', !(await hook(page, 'v.labels()')).includes('{built-in method time.sleep}'));
	eq('small: Reset zoom is enabled', false, await page.isDisabled('#reset'));
	await page.keyboard.press('Escape');
	eq('small: Escape unzooms', 'all', (await state(page)).zoom);
	await clickFrame(page, 'faster.py:12(compute)');
	await clickFrame(page, 'all');
	eq('small: a click on the root unzooms', 'all', (await state(page)).zoom);
	await clickFrame(page, 'faster.py:5(add2)');
	await page.click('#reset');
	eq('small: Reset zoom unzooms', 'all', (await state(page)).zoom);

	// tooltip
	const c = await rect(page, 'faster.py:12(compute)'), box = await page.locator('#fg').boundingBox();
	await page.mouse.move(box.x + c.x + 5, box.y + c.y + c.h / 2);
	const tip = await page.textContent('#tip');
	check('small: the tooltip shows the name, figures, kind and row', await page.isVisible('#tip') && tip.includes('faster.py:12(compute)') &&
		/total +1\.\d{3} s/.test(tip) && tip.includes('self') && tip.includes('calls  10') && tip.includes('traced (exact)') &&
		tip.includes('table  ncalls 17  tottime 0.530  cumtime 1.645'), tip);
	const blas = await rect(page, 'dgemm_kernel_HASWELL');
	await page.mouse.move(box.x + blas.x + 5, box.y + blas.y + blas.h / 2);
	check('small: a sampled frame says it is an estimate', (await page.textContent('#tip')).includes('sampled (estimate)'), await page.textContent('#tip'));
	if (shot) {
		await page.mouse.move(box.x + c.x + 60, box.y + c.y + c.h / 2);
		await page.screenshot({ path: shot });
		console.log('# screenshot: ' + shot);
	}
	await page.mouse.move(0, 0);

	// search: the share, nested frames once (fib recurses)
	for (const q of ['add2', 'FIB', 'compute', 'faster.py']) {
		await page.fill('#search', q);
		const share = await page.textContent('#share');
		check('small: searching "' + q + '" shows ' + expectedShare(data, 0, q) + ' of the view', share.includes(expectedShare(data, 0, q) + ' of the view'), share);
	}
	await page.fill('#search', 'add2');
	eq('small: the table keeps the rows that match', ['faster.py:5(add2)'], (await cells(page, '#table')).map((r) => r[r.length - 1]));
	await page.fill('#search', '');
	eq('small: an empty search shows nothing', '', await page.textContent('#share'));

	// sorting
	const col = async (j) => (await cells(page, '#table')).map((r) => parseFloat(r[j]));
	const sorted = (v, d) => v.every((x, i) => i === 0 || d * (x - v[i - 1]) >= 0);
	check('small: sorted by cumtime, at first', sorted(await col(4), -1), JSON.stringify(await col(4)));
	await page.click('#table th:text-is("tottime")');
	const tt = await col(2);
	check('small: a click on tottime sorts by it, largest first', sorted(tt, -1) && tt[0] === Math.max(...V.rows.map((r) => r[3])), JSON.stringify(tt));
	await page.click('#table th:text-is("tottime")');
	check('small: a second click, smallest first', sorted(await col(2), 1), JSON.stringify(await col(2)));
	await page.click('#table th:text-is("filename:lineno(function)")');
	const byName = (await cells(page, '#table')).map((r) => r[6]);
	eq('small: by name', [...byName].sort((a, b) => (a < b ? -1 : a > b)), byName);
	check('small: estimated rows are marked', (await cells(page, '#table')).some((r) => r[0] === '≈' && r[6] === 'dgemm_kernel_HASWELL'));

	// a row highlights its function
	await page.click('#table td:text-is("faster.py:5(add2)")');
	const share = await page.textContent('#share');
	check('small: a click on a row selects the function, with its share', share.startsWith('selected: ' + expectedShare(data, 0, 'faster.py:5(add2)')), share);
	await page.keyboard.press('Escape');

	// views
	const depth = (v) => (v.of < 0 ? 0 : 1 + depth(data.views[v.of]));
	eq('small: the views, each indented under the one it belongs to', data.views.map((v) => '\u00a0'.repeat(3 * depth(v)) + v.label),
		await page.$$eval('#view option', (os) => os.map((x) => x.textContent)));
	await page.selectOption('#view', '3');
	st = await state(page);
	const rows3 = (await cells(page, '#table')).map((r) => r[6]).sort();
	check('small: the selector switches to the thread view', st.view === 3 &&
		JSON.stringify(rows3) === JSON.stringify(data.views[3].rows.map((r) => stdName(data.funcs[r[0]])).sort()), JSON.stringify(rows3));
	const l3 = await hook(page, 'v.labels()');
	check('small: its flame graph is its own', l3.includes('threading.py:1012(run)') && !l3.includes('faster.py:1(<module>)'), JSON.stringify(l3));
	await close(o);
}

async function hostile(browser, file) {
	const data = dataOf(file), o = await open(browser, file), page = o.page;
	const names = (await cells(page, '#table')).map((r) => r[6]);
	// (described in printable ASCII: the TAP line goes through the shell's echo)
	for (const fn of data.funcs)
		check('hostile: shown literally: ' + fn.name.replace(/[^ -[\]-~]/g, '?'), names.includes(stdName(fn)), JSON.stringify(names));
	check('hostile: controls shown as escapes', names.includes('h.py:4(ctl\\x01\\x1b[31mred\\x07\\ttab\\nline)'), JSON.stringify(names));
	check('hostile: a reordering mark shown as an escape', names.some((n) => n.includes('\\u202eevil')));
	const labels = await hook(page, 'v.labels()');
	for (const n of ['h.py:1(<img src=x onerror=alert(1)>)', '"evil".py:2(</script><script>alert(2)</script>)'])
		check('hostile: the flame graph drew ' + n, labels.includes(n), JSON.stringify(labels));
	eq('hostile: the title, literally', clean(data.title), await page.textContent('#title'));
	eq('hostile: the note, literally', data.views[0].note, await page.textContent('#note'));
	eq('hostile: the omitted views, literally', data.omitted, await page.textContent('#omitted'));
	eq('hostile: the view names, literally', data.views[0].label, (await page.$$eval('#view option', (os) => os.map((x) => x.textContent)))[0]);
	const rank = (await cells(page, '#ranks'))[0];
	eq('hostile: the host and ending, literally', ['<b>host</b>', data.mpi.ranks[0].ending], [rank[1], rank[6]]);
	eq('hostile: no element made of the data', [0, 2, 0, 0], await page.evaluate(() =>
		[document.images.length, document.scripts.length, document.querySelectorAll('b:not(.rb b), i:not(.rb i)').length, document.querySelectorAll('[onerror]').length]));
	await page.fill('#search', '<img');
	check('hostile: a search for "<img" finds it', (await page.textContent('#share')).startsWith('1 function matches: '), await page.textContent('#share'));
	await close(o);
}

async function mpi(browser, file) {
	const data = dataOf(file), o = await open(browser, file), page = o.page;
	const ranks = await cells(page, '#ranks');
	eq('mpi: a row per rank', ['0', '1', '2', '3'], ranks.map((r) => r[0]));
	eq('mpi: how rank 3 ended', 'killed by signal 15 (Terminated)', ranks[3][6]);
	eq('mpi: MPI %', (100 * data.mpi.ranks[0].mpi / data.mpi.ranks[0].wall).toFixed(1) + '%', ranks[0][5]);
	await page.click('#ranks th:text-is("MPI %")');
	eq('mpi: sorted by MPI %, the rank that waited most first', '0', (await cells(page, '#ranks'))[0][0]);
	const spread = await cells(page, '#spread');
	eq('mpi: a spread row per function', data.mpi.spread.length, spread.length);
	await page.click('#spread th:text-is("max/mean") >> nth=1');
	const ratio = (await cells(page, '#spread')).map((r) => parseFloat(r[11]));
	const want = Math.max(...data.mpi.spread.map((r) => (r[6] > 0 ? r[7] / r[6] : 1)));
	check('mpi: sorted by cumtime imbalance, the largest first', ratio[0] === +want.toFixed(2), JSON.stringify(ratio));
	const marked = await page.$$eval('#spread tbody tr', (rows) => rows.map((r) => [parseFloat(r.cells[11].textContent), r.cells[11].className]));
	check('mpi: an imbalance of 1.1 and more stands out', marked.every(([x, c]) => (x >= 1.1) === /hot|warm/.test(c)), JSON.stringify(marked));
	eq('mpi: the MPI calls, by time', ['MPI_Allreduce', 'MPI_Init'], (await cells(page, '#calls')).slice(0, 2).map((r) => r[0]));
	eq('mpi: the omitted views are said', data.omitted, await page.textContent('#omitted'));
	await page.selectOption('#view', '3');
	eq('mpi: a rank without a call tree: its table, no graph', [true, false, data.views[3].rows.length],
		[await page.isVisible('#notree'), await page.isVisible('#fg'), (await cells(page, '#table')).length]);
	await page.selectOption('#view', '1');
	check('mpi: rank 0 has its graph', (await page.isVisible('#fg')) && (await hook(page, 'v.labels()')).includes('solver.c:12(stencil)'));
	await close(o);
}

async function ranks(browser, file) {
	const data = dataOf(file), o = await open(browser, file), page = o.page;
	eq('ranks: a view per rank in the selector', data.views.length, await page.$$eval('#view option', (os) => os.length));
	await page.selectOption('#view', '701');
	eq('ranks: the selector switches to rank 700', ['rank 700', true], [(await page.textContent('#view option:checked')).trim(), await page.isVisible('#notree')]);
	eq('ranks: the first 300 ranks shown', 300, (await cells(page, '#ranks')).length);
	await page.click('#ranks button:text-is("Show all")');
	eq('ranks: then all', data.mpi.ranks.length, (await cells(page, '#ranks')).length);
	const step = (await cells(page, '#spread')).find((r) => r[0] === 'solver.c:40(step)');
	eq('ranks: the rank at max of step', '700', step[4]);
	await close(o);
}

async function diff(browser, file) {
	const data = dataOf(file), o = await open(browser, file), page = o.page;
	check('diff: the labels of the two runs', (await page.textContent('#difflabel')).includes(data.diff.base));
	const legend = await page.textContent('#legend');
	check('diff: a legend of the colours', legend.includes('grew') && legend.includes('shrank'), legend);
	const [r, , b] = await colourAt(page, 'faster.py:12(compute)');
	check('diff: compute, faster, is blue', b > r + 40, JSON.stringify([r, b]));
	const [r2, , b2] = await colourAt(page, 'faster.py:60(cache_lookup)');
	check('diff: cache_lookup, new, is red', r2 > b2 + 40, JSON.stringify([r2, b2]));
	const heads = await page.$$eval('#table th', (t) => t.map((x) => x.textContent));
	check('diff: the table has base, new and change columns', ['base ncalls', 'base tottime', 'tottime', 'base cumtime', 'cumtime', 'change'].every((h) => heads.includes(h)), JSON.stringify(heads));
	const rows = await cells(page, '#table');
	eq('diff: the largest change first', 'faster.py:12(compute)', rows[0][11]);
	eq('diff: new and gone functions are tagged', ['gone faster.py:70(legacy_check)', 'new faster.py:60(cache_lookup)'],
		rows.filter((x) => x[0]).map((x) => x[0] + ' ' + x[11]).sort());
	// the tooltip of compute's widest frame: its total, base and change
	const T = data.views[0].tree, f = data.funcs.findIndex((x) => x.name === 'compute');
	let i = -1;
	for (let j = 0; j < T.f.length; j++) if (T.f[j] === f && (i < 0 || T.t[j] > T.t[i])) i = j;
	const d = T.t[i] - T.bt[i], want = 'base   ' + T.bt[i].toFixed(3) + ' s  change ' + (d < 0 ? '-' : '+') + Math.abs(d).toFixed(3) +
		' s (' + (d < 0 ? '-' : '+') + Math.abs(100 * d / T.bt[i]).toFixed(1) + '%)';
	const c = await rect(page, 'faster.py:12(compute)'), box = await page.locator('#fg').boundingBox();
	await page.mouse.move(box.x + c.x + 5, box.y + c.y + c.h / 2);
	check('diff: the tooltip gives the base and the change: ' + want, (await page.textContent('#tip')).includes(want), await page.textContent('#tip'));
	await close(o);
}

async function large(browser, file) {
	const data = dataOf(file), nodes = data.views[0].tree.f.length;
	const times = [];
	for (let run = 0; run < 3; run++) {
		const o = await open(browser, file);
		times.push(o.readyAt);
		console.log('# large: ' + nodes + ' nodes: open ' + o.readyAt.toFixed(0) + ' ms from the navigation to the first frame painted' +
			(run ? '' : ' (the first of 3)') + '; ' + o.wall + ' ms as the test saw it');
		if (run < 2) {
			await o.page.close();
			continue;
		}
		const page = o.page;
		check('large: the flame graph drew labels', (await hook(page, 'v.labels()')).length > 50);
		eq('large: the first 300 rows of the table', 300, (await cells(page, '#table')).length);
		await page.fill('#search', 'func_1a');
		const share = await page.textContent('#share');
		check('large: search finds', share.includes(expectedShare(data, 0, 'func_1a') + ' of the view'), share, expectedShare(data, 0, 'func_1a'));
		await page.fill('#search', '');
		// the widest frame two levels down
		const T = data.views[0].tree;
		let wide = -1;
		for (let i = 1; i < T.f.length; i++) if (T.p[i] > 0 && T.p[T.p[i]] === 0 && (wide < 0 || T.t[i] > T.t[wide])) wide = i;
		const name = stdName(data.funcs[T.f[wide]]);
		await clickFrame(page, name);
		eq('large: a click zooms', name, (await state(page)).zoom);
		await close(o);
	}
	// the median: make check runs other tests beside this one, on 2 cores
	const median = [...times].sort((a, b) => a - b)[1];
	check('large: ' + nodes + ' nodes open in under ' + OPEN_LIMIT_MS + ' ms (the median of 3: ' + median.toFixed(0) + ' ms)', median < OPEN_LIMIT_MS);
}

// A report cprof wrote, and what to look for in it.
async function real(browser, file, want, shot) {
	const data = dataOf(file), o = await open(browser, file), page = o.page, tag = path.basename(file);
	const V = data.views[0];
	const rows = (await cells(page, '#table')).map((r) => r[r.length - 1]);
	const labels = await hook(page, 'v.labels()');
	for (const n of want.names || []) {
		check(tag + ': the table lists ' + n, rows.includes(n), JSON.stringify(rows.slice(0, 20)));
		// (a real run's frame may be too narrow for its whole name, by
		// the run's proportions: its label then ends in an ellipsis)
		check(tag + ': the flame graph drew ' + n, labels.some((l) => l === n || (l.endsWith('…') && l.length > 8 && n.startsWith(l.slice(0, -1)))),
			JSON.stringify(labels.slice(0, 40)));
	}
	// a dump of stacks (cprof-dump): frames labelled with their members, no table
	for (const n of want.drawn || [])
		// (a real run's frame may be too narrow for its whole name, by
		// the run's proportions: its label then ends in an ellipsis)
		check(tag + ': the flame graph drew ' + n, labels.some((l) => l === n || (l.endsWith('…') && l.length > 8 && n.startsWith(l.slice(0, -1)))),
			JSON.stringify(labels.slice(0, 40)));
	if (data.unit === 'threads')
		check(tag + ': stacks have no table of functions', !(await page.isVisible('#table')));
	if (want.zoom) {
		await clickFrame(page, want.zoom);
		const st = await state(page), r = await rect(page, want.zoom);
		check(tag + ': a click on ' + want.zoom + ' zooms: it spans the width', st.zoom === want.zoom && r && r.x === 0 &&
			Math.abs(r.w - st.width) < 1, JSON.stringify(st), JSON.stringify(r));
		await page.keyboard.press('Escape');
	}
	if (want.search) {
		await page.fill('#search', want.search);
		const share = await page.textContent('#share');
		check(tag + ': searching "' + want.search + '" finds ' + expectedShare(data, 0, want.search),
			share.includes(expectedShare(data, 0, want.search) + (data.unit === 'threads' ? ' of the threads' : ' of the view')), share);
		await page.fill('#search', '');
	}
	if (want.ranks) {
		eq(tag + ': a row per rank', want.ranks, (await cells(page, '#ranks')).map((r) => r[0]));
		eq(tag + ': a spread row per function (the first 300)', Math.min(300, data.mpi.spread.length),
			(await cells(page, '#spread')).length);
	}
	if (want.diff)
		check(tag + ': the two runs are named', (await page.textContent('#difflabel')).includes(data.diff.base));
	if (shot && want.screenshot)
		await page.screenshot({ path: shot });
	await close(o);
	if (want.largest) {
		const times = [];
		for (let run = 0; run < 3; run++) {
			const l = await open(browser, file);
			times.push(l.readyAt);
			await l.page.close();
		}
		const median = [...times].sort((a, b) => a - b)[1];
		check(tag + ': ' + V.tree.f.length + ' nodes open in under ' + OPEN_LIMIT_MS + ' ms (the median of 3: ' +
			median.toFixed(0) + ' ms)', median < OPEN_LIMIT_MS);
	}
}

async function main() {
	const [dir, shot] = process.argv.slice(2);
	if (!dir) {
		console.error('usage: node viewer.test.js SAMPLEDIR [SCREENSHOT.png]');
		process.exit(2);
	}
	const args = ['--disable-dev-shm-usage'];
	if (process.getuid && process.getuid() === 0) args.push('--no-sandbox'); // Chromium's sandbox refuses root
	const browser = await chromium.launch({ executablePath: CHROMIUM, args });
	try {
		console.log('# ' + browser.version());
		const cases = { small: (b, f) => small(b, f, shot), hostile, mpi, ranks, diff, large };
		for (const [name, run] of Object.entries(cases)) await run(browser, path.join(dir, name + '.html'));
		for (const f of fs.readdirSync(dir).filter((n) => /^real-.*\.html$/.test(n)).sort())
			await real(browser, path.join(dir, f), JSON.parse(fs.readFileSync(path.join(dir, f.replace(/html$/, 'json')), 'utf8')), shot);
	} finally {
		await browser.close();
	}
	console.log('# ' + failed + ' failed');
}
main().catch((e) => {
	console.log('# ' + String(e && e.stack || e).replace(/\n/g, '\n# '));
	process.exit(1);
});
