// The popup's head start, a classic script at the top of popup.html's <head>: it runs as soon as the parser
// reaches it, before the stylesheet and the module scripts (which wait for the whole document; measured 5–9 ms
// earlier on this machine, more when the page changed and the worker must read it).
//
// The popup's first two questions to the worker (the settings, and the tab's state, for which
// the worker reads the page) are sent here, while the wasm downloads and compiles, instead of after it. The
// app takes each answer once (`bridge::head_start` in src/bridge/mod.rs) and decodes and judges it exactly as
// the answer to its own call; nothing is decided here. The tab is the app's too: `?tab=<id>`, else the active
// tab. The worker reads no page before the disclaimer is accepted, so asking early reveals nothing.
// Once the tab's state is in, it also reads the stored draft of its profile (see `draft` below).
(() => {
  const tabParam = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  const tabId = Number.isInteger(tabParam)
    ? Promise.resolve(tabParam)
    : chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id ?? null);
  const tabState = tabId.then((id) => (id == null ? null : chrome.runtime.sendMessage({ type: 'get_tab_state', tab_id: id })));
  const headStart = {
    get_setup: chrome.runtime.sendMessage({ type: 'get_setup' }),
    get_tab_state: tabState,
    // The stored draft of the profile the tab shows, asked for as soon as the tab's state is in (the app
    // could ask only once its view is decided). The key read off the answer here is a guess, no decision:
    // the app takes this read only when the key is the one it derives itself (`DraftPrefetch`,
    // src/form_page/draft.rs), else it reads the draft anew.
    draft: tabState.then((answer) => {
      const state = answer?.state;
      const url = state?.extraction?.profile?.profile_url?.value ?? state?.url;
      if (typeof url !== 'string' || url === '') return null;
      const key = `draft:${url}`;
      return chrome.storage.local.get(key).then((items) => ({ key, items }));
    }),
  };
  // The app may not need an answer (the disclaimer is shown first): a failure nobody awaits is not an error.
  Object.values(headStart).forEach((answer) => answer.catch(() => {}));
  globalThis.popupHeadStart = headStart;
})();
