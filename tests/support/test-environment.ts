import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `WT_TEST_BUNDLED_ONLY=1`: ignore the system's Chromium, `CHROMIUM_PATH` and
 * `TEST_DATABASE_URL`, and use only the browser and PostgreSQL shipped by npm packages, as on
 * a machine with nothing but Node (what CI proves).
 */
export function bundledOnly(): boolean {
  return process.env.WT_TEST_BUNDLED_ONLY === "1";
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The folder of an installed package, even one whose `exports` hide its package.json. */
export function packageRoot(name: string, from: string = ROOT): string {
  const require = createRequire(path.join(from, "noop.js"));
  let entry: string;
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    entry = require.resolve(name);
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === name)
      return dir;
  }
  throw new Error(`Cannot find the folder of the package ${name}`);
}

export function packageVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(name), "package.json"), "utf8")) as { version: string })
    .version;
}
