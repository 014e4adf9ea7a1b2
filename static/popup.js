// Loads the Leptos popup (Rust → wasm, the popup crate built with `form-page` only). Its
// #[wasm_bindgen(start)] mounts the app into #app. The questions the app asks first are already on their way
// (head-start.js).
import('./pkg/popup/popup.js').then(({ default: init }) =>
  init({ module_or_path: new URL('./pkg/popup/popup_bg.wasm', import.meta.url) }));
