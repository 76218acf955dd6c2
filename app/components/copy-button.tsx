import { useState } from "react";

/**
 * Copies a text to the clipboard and says so (announced). Without the clipboard API (an
 * insecure origin, an old browser) the text stays selectable beside the button.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          navigator.clipboard
            .writeText(text)
            .then(() => setCopied("copied"))
            .catch(() => setCopied("failed"));
        }}
      >
        {label}
      </button>{" "}
      <span role="status">
        {copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy: select the text and copy it" : ""}
      </span>
    </>
  );
}
