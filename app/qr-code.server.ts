import QRCode from "qrcode";

/**
 * A QR code of `url` as an SVG data URL for an <img>: invitation links on printed handouts,
 * the workshop's join link on the projector. Medium error correction survives a creased page.
 */
export async function qrCodeDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
