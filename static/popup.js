// Loads the Leptos popup (Rust → wasm, the popup crate built with `form-page` only). Its
// #[wasm_bindgen(start)] mounts the app into #app.
import init from './pkg/popup/popup.js';

init({ module_or_path: new URL('./pkg/popup/popup_bg.wasm', import.meta.url) });
