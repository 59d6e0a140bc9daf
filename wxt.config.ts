import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox needs a fixed add-on id; the id also pins the moz-extension UUID in e2e tests.
export const GECKO_ID = 'dubao@dubao.example';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  modules: ['@wxt-dev/i18n/module'],
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-mv{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['node_modules/**', '.output/**', '.wxt/**', 'generated/**', 'bench/results/**', 'tests/e2e/artifacts/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: per-site switches and settings; contextMenus: "pinyin for the selection";
    // scripting: the content script's second stage is injected only into frames with Chinese
    // (or on the reader's request). activeTab and tabs are not needed (see docs/permissions.md).
    permissions: ['storage', 'contextMenus', 'scripting'],
    // The pages the content script already runs on: executeScript needs them as host permissions.
    host_permissions: ['http://*/*', 'https://*/*'],
    // The PDF viewer (pdf.html?url=…) fetches a PDF from its site; where the reader withheld
    // site access in the browser, it is asked for with the reader's click (docs/permissions.md).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The first stage (entrypoints/first-stage.ts) is a plain script on every page; it loads the
    // rest (entrypoints/content-main) where it finds Chinese.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['first-stage.js'], run_at: 'document_idle', all_frames: true }],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' }, default_title: '__MSG_extName__' },
    content_security_policy: {
      // jieba's segmenter is WebAssembly; both browsers need wasm-unsafe-eval to compile it.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdPreviousTerm__' },
      'toggle-pinyin': { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_cmdTogglePinyin__' },
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdToggleSidebar__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
