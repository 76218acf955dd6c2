// After the build: brotli (quality 11) and gzip (level 9) copies of every JS and CSS asset, so
// the server sends the smallest form without compressing on each request.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = "public/build";
let before = 0;
let after = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.(js|css)$/.test(entry.name)) {
      const data = fs.readFileSync(file);
      const br = zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      });
      fs.writeFileSync(`${file}.br`, br);
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      before += data.length;
      after += br.length;
    }
  }
}
if (fs.existsSync(root)) walk(root);
console.log(`Precompressed assets: ${Math.round(before / 1024)} KB -> ${Math.round(after / 1024)} KB (brotli)`);
