// Service-worker entry (module). Registers Chrome's listeners synchronously, as MV3 requires, and hands every
// event to the Rust/wasm background. No logic lives here. No top-level await (it would kill the worker).
import init, * as bg from './pkg/background/background.js';

const ready = init({ module_or_path: new URL('./pkg/background/background_bg.wasm', import.meta.url) });
// Every worker start resumes the outbox (jobs persisted by a previous worker).
ready.then(() => bg.on_start()).catch(console.error);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  ready
    .then(() => bg.on_message(message, sender))
    .then(sendResponse, (error) => sendResponse({ type: 'error', message: String(error) }));
  return true; // answer asynchronously
});
chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // changeInfo.url is only visible for hosts the extension may read; the content script reports LinkedIn URLs.
  ready.then(() => bg.on_tab_updated(tabId, changeInfo.url, changeInfo.status)).catch(console.error);
});
chrome.tabs.onRemoved.addListener((tabId) => {
  ready.then(() => bg.on_tab_removed(tabId)).catch(console.error);
});
chrome.alarms.onAlarm.addListener(({ name }) => {
  ready.then(() => bg.on_alarm(name)).catch(console.error);
});
chrome.runtime.onInstalled.addListener(() => {
  chrome.action.disable();
});
// A browser start wakes the worker, whose start (above) resumes the outbox.
chrome.runtime.onStartup.addListener(() => {});
