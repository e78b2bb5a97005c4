// Renders every process model (src/main/resources/camunda/*.bpmn) to ../docs/diagrams/<name>.svg
// with bpmn-js in headless Chromium (the machine's own: /usr/bin/chromium, or $CHROMIUM).
// Each SVG carries the SHA-256 of the model it was drawn from (line endings normalised to \n);
// DiagramPicturesTest fails when a model changed and its picture was not rendered again.
//
//   ./interlend diagrams     (or: workflows/tooling/npm-tools.sh workflows/target diagrams)
// BPMN_JS names the installed bpmn-js package (npm-tools.sh installs it into the build directory).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const workflows = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const models = join(workflows, 'src/main/resources/camunda');
const out = resolve(workflows, '../docs/diagrams');
const viewer = join(process.env.BPMN_JS || join(workflows, 'target/tooling/node_modules/bpmn-js'), 'dist/bpmn-viewer.production.min.js');

export function modelHash(text) {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

function chromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
    .filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error('no Chromium found (install Debian\'s chromium, or set CHROMIUM to a Chrome/Chromium binary)');
  }
  return found;
}

if (!existsSync(viewer)) {
  console.error(`bpmn-js is not installed (${viewer}): run  workflows/tooling/npm-tools.sh workflows/target diagrams`);
  process.exit(1);
}

const files = readdirSync(models).filter((f) => f.endsWith('.bpmn')).sort();
const diagrams = files.map((file) => ({ name: file.replace(/\.bpmn$/, ''), xml: readFileSync(join(models, file), 'utf8') }));

const work = mkdtempSync(join(tmpdir(), 'interlend-diagrams-'));
try {
  const page = join(work, 'render.html');
  writeFileSync(page, `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>render</title>
<style>body { margin: 0 } #canvas { width: 4000px; height: 3000px }</style>
<script src="${pathToFileURL(viewer)}"></script></head>
<body><div id="canvas"></div><pre id="result"></pre>
<script>
const diagrams = ${JSON.stringify(diagrams).replace(/</g, '\\u003c')};
(async () => {
  const results = {};
  for (const d of diagrams) {
    const v = new BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await v.importXML(d.xml);
      if (warnings.length) { throw new Error(warnings.map((w) => w.message).join('; ')); }
      // a label whose text, as drawn, is wider or taller than its bounds in the diagram overlaps
      // whatever the layout check (DiagramLayoutTest) placed next to those bounds
      const overflow = [];
      for (const label of v.get('elementRegistry').filter((e) => e.type === 'label')) {
        const text = v.get('elementRegistry').getGraphics(label).querySelector('text');
        if (!text || !label.businessObject.name) { continue; }
        const box = text.getBBox();
        const di = (label.labelTarget.di.label || {}).bounds;
        if (!di) { continue; }
        if (box.width > di.width + 3 || box.height > di.height + 4) {
          overflow.push(label.businessObject.id + ': "' + label.businessObject.name + '" drawn ' + Math.ceil(box.width) + 'x'
            + Math.ceil(box.height) + ', its label bounds are ' + di.width + 'x' + di.height);
        }
      }
      const { svg } = await v.saveSVG();
      results[d.name] = { svg, overflow };
    } catch (e) {
      results[d.name] = { error: String(e && e.message || e) };
    }
    v.destroy();
  }
  const bytes = new TextEncoder().encode(JSON.stringify(results));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) { bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)); }
  document.getElementById('result').textContent = 'RESULT:' + btoa(bin) + ':END';
})();
</script></body></html>`);
  const dom = execFileSync(chromium(), [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions',
    '--allow-file-access-from-files', `--user-data-dir=${join(work, 'profile')}`,
    '--virtual-time-budget=60000', '--dump-dom', pathToFileURL(page).href,
  ], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'], timeout: 180000 });
  const match = /RESULT:([A-Za-z0-9+/=]+):END/.exec(dom);
  if (!match) {
    throw new Error('Chromium finished without the rendered diagrams');
  }
  const results = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
  mkdirSync(out, { recursive: true });
  let failed = 0;
  for (const d of diagrams) {
    const r = results[d.name];
    if (!r || r.error) {
      console.error(`${d.name}.bpmn: ${r ? r.error : 'not rendered'}`);
      failed++;
      continue;
    }
    // bpmn-js names its arrow markers at random: numbered in order instead, so that drawing an
    // unchanged model again gives the same file
    const markers = new Map();
    const numbered = r.svg.replace(/marker-[a-z0-9]+/g, (id) => {
      if (!markers.has(id)) { markers.set(id, `marker-${markers.size + 1}`); }
      return markers.get(id);
    });
    // A white page under the drawing, so that it reads in dark mode too; and the model's hash.
    const svg = numbered
      .replace(/(<svg[^>]*>)/, `$1<!-- rendered by workflows/tooling/render-diagrams.mjs from ${d.name}.bpmn sha256:${modelHash(d.xml)} -->`
        + '<rect x="-100000" y="-100000" width="200000" height="200000" fill="#ffffff"/>');
    writeFileSync(join(out, `${d.name}.svg`), svg.endsWith('\n') ? svg : svg + '\n');
    console.log(`docs/diagrams/${d.name}.svg`);
    for (const o of r.overflow) {
      console.error(`${d.name}.bpmn: label text larger than its bounds: ${o}`);
      failed++;
    }
  }
  if (failed) {
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
