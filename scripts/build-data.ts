// Compile and copy the data the extension ships. Run by `npm run build` before WXT.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

// jieba's wasm (4 MB, with its dictionary inside) as its own file: the background fetches and
// compiles it once, instead of carrying it base64-inlined in background.js.
const jiebaDir = join(dirname(require.resolve('jieba-wasm')), '../web');
mkdirSync('public/jieba', { recursive: true });
copyFileSync(join(jiebaDir, 'jieba_rs_wasm_bg.wasm'), 'public/jieba/jieba_rs_wasm_bg.wasm');

mkdirSync('generated', { recursive: true });
writeFileSync('generated/.built', 'ok');
