/**
 * "Download SVG" and "Download PNG" for a chart: the chart's <svg> is serialised in the
 * browser (no server round trip, nothing logged), and for PNG drawn onto a canvas at twice
 * the size for print quality. Render inside ClientOnly: without JavaScript there is nothing to
 * download, and the figures are in the table beside the chart.
 */
import { useT } from "../i18n";

const SVG_NS = "http://www.w3.org/2000/svg";

function chartSvg(figureId: string): SVGSVGElement | null {
  const root = document.getElementById(figureId);
  return (root?.querySelector("svg.recharts-surface, svg[data-chart]") as SVGSVGElement | null) ?? null;
}

/** A standalone SVG document: namespace, size, white background and the page's font set on the copy. */
export function serialiseChart(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width) || Number(svg.getAttribute("width")) || 800;
  const height = Math.round(box.height) || Number(svg.getAttribute("height")) || 400;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.removeAttribute("tabindex");
  copy.removeAttribute("role");
  copy.setAttribute(
    "style",
    "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; background: #fff",
  );
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  copy.insertBefore(background, copy.querySelector(":scope > :not(title):not(desc)"));
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadSvg(figureId: string, filename: string) {
  const svg = chartSvg(figureId);
  if (!svg) return;
  save(new Blob([serialiseChart(svg).text], { type: "image/svg+xml" }), `${filename}.svg`);
}

function downloadPng(figureId: string, filename: string) {
  const svg = chartSvg(figureId);
  if (!svg) return;
  const { text, width, height } = serialiseChart(svg);
  const image = new Image();
  image.onload = () => {
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => blob && save(blob, `${filename}.png`), "image/png");
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}

export function ChartDownloads({ figureId, filename, label }: { figureId: string; filename: string; label: string }) {
  const { t } = useT("report");
  return (
    <div className="chart-downloads no-print">
      <button type="button" className="button secondary small" onClick={() => downloadSvg(figureId, filename)}>
        {t("chart.downloadSvg")}
        <span className="visually-hidden"> {t("chart.downloadOf", { label })}</span>
      </button>
      <button type="button" className="button secondary small" onClick={() => downloadPng(figureId, filename)}>
        {t("chart.downloadPng")}
        <span className="visually-hidden"> {t("chart.downloadOf", { label })}</span>
      </button>
    </div>
  );
}
