// The one place that decides which Chromium the browser tests, the benchmarks and the
// screenshots use, and which fonts it renders with. See docs/decisions/0005.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser, type CDPSession } from "playwright-core";
import { bundledOnly, packageRoot, packageVersion, ROOT } from "./test-environment";

export interface ChromiumChoice {
  executablePath: string;
  /** Why this one: `CHROMIUM_PATH`, the system's `/usr/bin/chromium`, or the npm package. */
  source: "CHROMIUM_PATH" | "system" | "bundled";
  /** The environment the browser process needs (its libraries and the packaged fonts). */
  env: Record<string, string>;
}

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * `CHROMIUM_PATH` when set, else `/usr/bin/chromium` when present, else the headless Chromium
 * shipped by the `@sparticuz/chromium` dev dependency (unpacked once into
 * `node_modules/.cache/`). With `WT_TEST_BUNDLED_ONLY=1` only the npm one is used, as on a
 * machine that has nothing but Node. Whichever runs, it renders with the fonts of the
 * `dejavu-fonts-ttf` package, so screenshots and PDFs look the same on every machine.
 */
export function chooseChromium(): ChromiumChoice {
  const fonts = { FONTCONFIG_FILE: packagedFontConfig() };
  if (!bundledOnly() && process.env.CHROMIUM_PATH) {
    return { executablePath: process.env.CHROMIUM_PATH, source: "CHROMIUM_PATH", env: fonts };
  }
  if (!bundledOnly() && fs.existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, source: "system", env: fonts };
  }
  const dir = unpackBundledChromium();
  // The package's own NSS/NSPR/expat libraries, so that no system browser libraries are needed.
  const libraries = [path.join(dir, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return {
    executablePath: path.join(dir, "chromium"),
    source: "bundled",
    env: { ...fonts, LD_LIBRARY_PATH: libraries },
  };
}

export function describeChromium(choice: ChromiumChoice): string {
  if (choice.source === "bundled") return `@sparticuz/chromium ${packageVersion("@sparticuz/chromium")} (npm package)`;
  return `${choice.executablePath} (${choice.source === "system" ? "the system's" : "CHROMIUM_PATH"})`;
}

export async function launchBrowser(): Promise<Browser> {
  const choice = chooseChromium();
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    env: { ...(process.env as Record<string, string>), ...choice.env },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

function cacheDir(name: string): string {
  return path.join(ROOT, "node_modules", ".cache", "wt-tests", name);
}

/**
 * Unpacks the package's brotli-compressed headless shell and its libraries once per version.
 * Unpacked into a temporary folder and renamed, so that two runs at once never see half a file.
 */
function unpackBundledChromium(): string {
  const version = packageVersion("@sparticuz/chromium");
  const dir = cacheDir(`chromium-${version}`);
  if (fs.existsSync(path.join(dir, "chromium"))) return dir;
  const bin = path.join(packageRoot("@sparticuz/chromium"), "bin");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const partial = fs.mkdtempSync(`${dir}.partial-`);
  try {
    fs.writeFileSync(
      path.join(partial, "chromium"),
      zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, "chromium.br"))),
      { mode: 0o755 },
    );
    const untar = spawnSync("tar", ["-x", "-C", partial], {
      input: zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, "al2023.tar.br"))),
    });
    if (untar.status !== 0) throw new Error(`Could not unpack Chromium's libraries: ${String(untar.stderr)}`);
    fs.renameSync(partial, dir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    // Another run may have unpacked it first.
    if (!fs.existsSync(path.join(dir, "chromium"))) throw error;
  }
  return dir;
}

/**
 * A fontconfig file that sees only the DejaVu fonts of the `dejavu-fonts-ttf` package, with
 * the rendering settings and generic families of Debian's fontconfig: the pages ask for
 * `system-ui, ..., sans-serif` and `ui-monospace, ..., monospace` (app/styles/app.css), which
 * Debian renders in DejaVu Sans and DejaVu Sans Mono.
 */
export function packagedFontConfig(): string {
  const fontsPackage = packageRoot("dejavu-fonts-ttf");
  const dir = cacheDir(`fontconfig-dejavu-${packageVersion("dejavu-fonts-ttf")}`);
  const file = path.join(dir, "fonts.conf");
  const generic = (family: string, font: string) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>${font}</family></prefer></alias>`;
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by tests/support/browser.ts: the fonts every test browser renders with. -->
<fontconfig>
  <dir>${path.join(fontsPackage, "ttf")}</dir>
  <cachedir>${path.join(dir, "cache")}</cachedir>
  <selectfont><rejectfont><glob>*/DejaVuMathTeXGyre.ttf</glob></rejectfont></selectfont>
  <include ignore_missing="yes">${path.join(fontsPackage, "fontconfig", "20-unhint-small-dejavu-sans.conf")}</include>
  <include ignore_missing="yes">${path.join(fontsPackage, "fontconfig", "20-unhint-small-dejavu-sans-mono.conf")}</include>
  <include ignore_missing="yes">${path.join(fontsPackage, "fontconfig", "20-unhint-small-dejavu-serif.conf")}</include>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
  </match>
${generic("sans-serif", "DejaVu Sans")}
${generic("system-ui", "DejaVu Sans")}
${generic("serif", "DejaVu Serif")}
${generic("monospace", "DejaVu Sans Mono")}
  <match target="pattern">
    <test qual="all" name="family" compare="not_eq"><string>sans-serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>monospace</string></test>
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
</fontconfig>
`;
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== config) {
    fs.mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, config);
    fs.renameSync(partial, file);
  }
  return file;
}

/**
 * The poor phone of issue 16's speed targets, on a page's CDP session: no cache, Chrome
 * DevTools' "Slow 4G" connection (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the
 * CPU slowed 4 times. Used by the benchmark and the start-page trace alike.
 */
export async function emulateSlowPhone(cdp: CDPSession): Promise<void> {
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}
