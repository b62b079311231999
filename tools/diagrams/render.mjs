// Renders every BPMN model in bpmn/ to docs/diagrams/<file>.svg with the bpmn-js viewer, in
// Debian's headless Chromium (playwright-core drives it; nothing is downloaded).
// Usage (from the repository root):  npm --prefix tools/diagrams install && node tools/diagrams/render.mjs
// Environment: CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const models = path.join(root, 'bpmn');
const out = path.join(root, 'docs', 'diagrams');
const require = createRequire(import.meta.url);
const viewerJs = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await page.addScriptTag({ path: viewerJs });
  await mkdir(out, { recursive: true });
  const files = (await readdir(models)).filter((f) => f.endsWith('.bpmn')).sort();
  for (const file of files) {
    const xml = await readFile(path.join(models, file), 'utf8');
    const result = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      // eslint-disable-next-line no-undef
      const viewer = new BpmnJS({ container });
      const { warnings } = await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return { svg, warnings: warnings.map((w) => w.message) };
    }, xml);
    if (result.warnings.length) {
      console.warn(`${file}: ${result.warnings.length} import warning(s):\n  ${result.warnings.join('\n  ')}`);
    }
    const target = path.join(out, file.replace(/\.bpmn$/, '.svg'));
    await writeFile(target, result.svg + '\n');
    console.log(`${path.relative(root, target)}  (${result.svg.length} bytes)`);
  }
} finally {
  await browser.close();
}
