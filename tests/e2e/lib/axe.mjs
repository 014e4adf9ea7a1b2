// axe-core accessibility scan of a page (evaluated through the DevTools protocol, so the extension pages'
// CSP does not apply to the injected engine). Returns the violations as "rule: targets" strings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
