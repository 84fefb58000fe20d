import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromiumWithGloss } from '../tests/e2e/helpers/chromium';
import { makeBigArticleHtml } from './make-big-article';
const html = makeBigArticleHtml(2000);
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const gloss = await launchChromiumWithGloss();
for (let i = 0; i < Number(process.argv[2] ?? 4); i++) {
  const page = await gloss.context.newPage();
  await page.goto(origin + '/2017/08/23/big.html', { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('gloss:paint').length > 0, null, { timeout: 120000 });
  const t = await page.evaluate(`(() => { const g = (n) => { const a = performance.getEntriesByName(n); const e = a[a.length-1]; return e ? Math.round(e.startTime + e.duration) : null; }; const s = performance.getEntriesByName('gloss:start')[0].startTime; return { start: Math.round(s), extract: g('gloss:extract') - Math.round(s), annotate: g('gloss:annotate') - Math.round(s), paint: g('gloss:paint') - Math.round(s) }; })()`);
  const bg = await gloss.background.evaluate(`(() => { const t = globalThis.__all[globalThis.__all.length-1]; const t0 = t[0][1]; return t.map((x) => x[0] + ' ' + Math.round(x[1] - t0)).join(', '); })()`);
  console.log(JSON.stringify(t), '| bg:', bg);
  await page.close();
}
await gloss.context.close();
server.close();
