// Loads the settings and candidates pages (Rust → wasm, the popup crate built with `admin-pages` only: the
// toolbar popup's module does not carry them). Its #[wasm_bindgen(start)] mounts #options or #candidates.
import init from './pkg/pages/pages.js';

init({ module_or_path: new URL('./pkg/pages/pages_bg.wasm', import.meta.url) });
