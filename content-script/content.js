// Content-script shim on LinkedIn (www.linkedin.com and regional hosts such as fr.linkedin.com). It has no
// logic of its own and never touches LinkedIn's DOM:
// - after every navigation (full load, or in-app via the Navigation API) it tells the background the URL;
// - when the background asks (the recruiter opened the popup), it answers with a snapshot of the markup
//   that extraction needs. Classification and extraction are Rust in the extension (WebAssembly cannot be
//   compiled under LinkedIn's CSP). Message shapes: core/src/messages.rs and core/src/page.rs;
// - each snapshot gets a revision; asked again with it while the document has not changed (a one-shot
//   MutationObserver, started only once a snapshot was handed over and gone at the first change), it
//   answers "unchanged" and hands over no markup. Until the popup first asks, LinkedIn's page pays nothing.
(() => {
  // Selectors mirrored by core/src/page.rs (EMBEDDED, OVERLAYS).
  const EMBEDDED = 'code[id^="bpr-guid-"], code[id^="datalet-bpr-guid-"], script#rehydrate-data';
  const OVERLAYS = '[role="dialog"], dialog, [data-sdui-screen]';
  // Mirrors core/src/page.rs `snapshot_from_document_html`: <main>, plus the overlays rendered outside it
  // (the contact-info overlay lives at body level), each once; or <body> when there is no <main>.
  const markup = () => {
    const main = document.querySelector('main');
    if (!main) return document.body?.outerHTML ?? '';
    const overlays = Array.from(document.querySelectorAll(OVERLAYS)).filter((d) => !main.contains(d));
    const outermost = overlays.filter((d) => !overlays.some((o) => o !== d && o.contains(d)));
    return main.outerHTML + outermost.map((d) => d.outerHTML).join('');
  };
  const snapshot = () => ({
    url: location.href,
    lang: document.documentElement.lang || null,
    title: document.title.split(/\s+/).filter(Boolean).join(' '),
    markup: markup(),
    embedded: Array.from(document.querySelectorAll(EMBEDDED), (el) => el.outerHTML),
  });
  let lastUrl = '';
  const visited = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    try {
      chrome.runtime.sendMessage({ type: 'page_visited', url: lastUrl }).catch(() => {});
    } catch {
      // The extension was updated or removed: this orphaned script throws synchronously; nothing to report to.
    }
  };
  // Markup only ever leaves a candidate page (member, Sales Navigator lead, Recruiter profile); the background
  // asks only for those too. Anything else gets no answer.
  const CANDIDATE_PATH = /^\/(in\/[^/]+|sales\/(lead|people)\/[^/]+|talent\/(.+\/)?profile\/[^/]+)/;
  let handed = null; // the latest snapshot handed over: { revision, url, changed }
  const watch = new MutationObserver(() => {
    if (handed) handed.changed = true;
    watch.disconnect();
  });
  const answer = (since) => {
    if (handed && !handed.changed && since === handed.revision && handed.url === location.href) {
      return { unchanged: handed.revision, url: handed.url };
    }
    const taken = snapshot();
    handed = { revision: `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`, url: taken.url, changed: false };
    watch.disconnect();
    watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    return { ...taken, revision: handed.revision };
  };
  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message && message.type === 'take_snapshot' && CANDIDATE_PATH.test(location.pathname)) sendResponse(answer(message.unchanged_since));
  });
  if (window.navigation) {
    navigation.addEventListener('navigatesuccess', visited);
    navigation.addEventListener('currententrychange', visited);
  }
  window.addEventListener('popstate', visited);
  visited();
})();
