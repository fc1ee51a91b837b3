// open-time.js FILE...: how long each HTML report takes to open in
// headless Chromium, from the navigation to the viewer's first painted
// frame (its window.cprofViewer.readyAt): the median of 3 opens, in ms.
'use strict';
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

async function main() {
	const args = ['--disable-dev-shm-usage'];
	if (process.getuid && process.getuid() === 0) args.push('--no-sandbox'); // Chromium's sandbox refuses root
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
	try {
		for (const file of process.argv.slice(2)) {
			const times = [];
			for (let run = 0; run < 3; run++) {
				const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
				await page.goto(pathToFileURL(file).href);
				await page.waitForFunction(() => window.cprofViewer && window.cprofViewer.ready, null, { polling: 10 });
				times.push(await page.evaluate(() => window.cprofViewer.readyAt));
				await page.close();
			}
			console.log(file + ' ' + times.sort((a, b) => a - b)[1].toFixed(0));
		}
	} finally {
		await browser.close();
	}
}
main().catch((e) => {
	console.error(String(e && e.stack || e));
	process.exit(1);
});
