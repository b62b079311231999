// Renders every BPMN model in bpmn/ to docs/diagrams/<file>.svg with the bpmn-js viewer, and every
// decision table of the DMN models in bpmn/ to docs/diagrams/<decision id>.png with the dmn-js viewer
// (a decision table is HTML, not SVG), in Debian's headless Chromium (playwright-core drives it;
// nothing is downloaded).
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
const dmnViewerJs = require.resolve('dmn-js/dist/dmn-viewer.production.min.js');
const dmnAssets = path.join(path.dirname(dmnViewerJs), 'assets');

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

  // decision tables: one picture per decision, as the Camunda Modeler shows it
  const tables = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  await tables.setContent('<!doctype html><html><body style="margin:0;background:#fff;font-family:sans-serif">'
    + '<div id="canvas" style="display:inline-block;padding:12px"></div></body></html>');
  for (const css of ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-font/css/dmn-embedded.css']) {
    await tables.addStyleTag({ path: path.join(dmnAssets, css) });
  }
  await tables.addStyleTag({ content: '.view-drd { display: none; }' }); // a picture has nothing to click
  await tables.addScriptTag({ path: dmnViewerJs });
  const dmnFiles = (await readdir(models)).filter((f) => f.endsWith('.dmn')).sort();
  for (const file of dmnFiles) {
    const xml = await readFile(path.join(models, file), 'utf8');
    const decisions = await tables.evaluate(async (xml) => {
      // eslint-disable-next-line no-undef
      window.dmnViewer = new DmnJS({ container: document.getElementById('canvas') });
      const { warnings } = await window.dmnViewer.importXML(xml);
      return { warnings: warnings.map((w) => w.message),
        ids: window.dmnViewer.getViews().filter((v) => v.type === 'decisionTable').map((v) => v.element.id) };
    }, xml);
    if (decisions.warnings.length) {
      console.warn(`${file}: ${decisions.warnings.length} import warning(s):\n  ${decisions.warnings.join('\n  ')}`);
    }
    for (const id of decisions.ids) {
      await tables.evaluate(async (id) => {
        const view = window.dmnViewer.getViews().find((v) => v.element.id === id);
        await window.dmnViewer.open(view);
      }, id);
      const target = path.join(out, `${id}.png`);
      await tables.locator('#canvas').screenshot({ path: target });
      console.log(`${path.relative(root, target)}  (decision table of ${file})`);
    }
    await tables.evaluate(() => window.dmnViewer.destroy());
  }
} finally {
  await browser.close();
}
