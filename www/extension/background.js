// zhaiyao's service worker (Chromium) or background script (Firefox). It only reacts to the
// user: the toolbar button or its shortcut (`_execute_action`) and the "Summarise selection"
// context-menu entry. Each opens the side panel in the same user gesture, so that activeTab
// grants access to the tab, and leaves a request for the panel in storage.session:
//   "request:<tabId>" = { kind: "page" } | { kind: "selection", text }, plus `at` (a counter).
// The panel (panel.js) reads the request for its tab and does the work; nothing here touches
// the network.

const api = globalThis.browser ?? globalThis.chrome;
const MENU_ID = "zhaiyao-selection";
let counter = 0;

/** Opens the panel for `tab`. Called synchronously from the gesture's event (no await before). */
function openPanel(tab) {
  if (api.sidePanel && api.sidePanel.open) {
    // Chromium: a panel for this tab that knows its tab id.
    api.sidePanel.setOptions({ tabId: tab.id, path: `panel.html?tab=${tab.id}`, enabled: true }).catch(() => {});
    return api.sidePanel.open({ tabId: tab.id });
  }
  if (api.sidebarAction && api.sidebarAction.open) return api.sidebarAction.open(); // Firefox
  // A browser with neither (Firefox for Android, say): the panel in a tab of its own, bound to
  // the article's tab, rather than nothing at all.
  return api.tabs.create({ url: api.runtime.getURL(`panel.html?tab=${tab.id}`) });
}

function leaveRequest(tabId, request) {
  counter += 1;
  return api.storage.session.set({ [`request:${tabId}`]: { ...request, at: Date.now() * 1000 + (counter % 1000) } });
}

/** The toolbar button or the keyboard shortcut: summarise the tab's article. */
export function onAction(tab) {
  const opened = openPanel(tab);
  const left = leaveRequest(tab.id, { kind: "page" });
  return Promise.allSettled([opened, left]).then(([o]) => ({ opened: o.status === "fulfilled", error: o.reason?.message }));
}

/** The context menu: summarise the selected text. */
export function onContextMenu(info, tab) {
  if (info.menuItemId !== MENU_ID || !tab) return Promise.resolve({ ignored: true });
  const opened = openPanel(tab);
  const left = leaveRequest(tab.id, { kind: "selection", text: String(info.selectionText ?? "") });
  return Promise.allSettled([opened, left]).then(([o]) => ({ opened: o.status === "fulfilled", error: o.reason?.message }));
}

api.action.onClicked.addListener(onAction);
api.contextMenus.onClicked.addListener(onContextMenu);

api.runtime.onInstalled.addListener(async () => {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: MENU_ID, title: api.i18n.getMessage("menuSelection"), contexts: ["selection"] });
});

// The panel's requests end when the tab goes away.
api.tabs.onRemoved.addListener((tabId) => {
  api.storage.session.remove(`request:${tabId}`).catch(() => {});
});

// For tests and the DevTools console of the service worker.
globalThis.zhaiyao = { onAction, onContextMenu, MENU_ID };
