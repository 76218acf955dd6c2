/** Prints the comparison (the page's print stylesheet turns it into a report: no form, headings kept with their tables). */
export function PrintButton() {
  return (
    <button type="button" className="link-button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
