// The CV engine (Rust → wasm, pkg/cv/) and its fonts, loaded on first use. Extension pages import() this
// module only when a CV is made, so the popup's own wasm carries no PDF code (a service worker cannot
// import() at all: CVs are made in the pages).
import init, { makeCv as make } from './pkg/cv/cv.js';

const FONTS = ['fonts/Inter-Regular.ttf', 'fonts/Inter-Bold.ttf'];
let ready;

async function fontBytes(path) {
  const response = await fetch(new URL(path, import.meta.url));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function load() {
  ready ??= Promise.all([
    init({ module_or_path: new URL('./pkg/cv/cv_bg.wasm', import.meta.url) }),
    ...FONTS.map(fontBytes),
  ]).catch((error) => {
    ready = undefined; // a later call tries again
    throw error;
  });
  return ready;
}

/**
 * Makes the CV of `inputJson` (the JSON of a `sourcing_core::cv::CvInput`). Resolves to
 * `{ pdf: Uint8Array, pages: number, notShown: [{ field, text }] }`; rejects with an Error on a bad input or
 * an unloadable engine or font.
 */
export async function makeCv(inputJson) {
  const [, regular, bold] = await load();
  let made;
  try {
    made = make(inputJson, regular, bold);
  } catch (error) {
    throw new Error(`CV: ${error}`);
  }
  try {
    return { pdf: made.pdf, pages: made.pages, notShown: JSON.parse(made.notShown) };
  } finally {
    made.free();
  }
}
