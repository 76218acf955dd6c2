import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../tests/support/parse-csv";
import { csvField, defuseFormula, toCsv } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("team")).toBe("team");
    expect(csvField(62.5)).toBe("62.5");
    expect(csvField(0)).toBe("0");
    expect(csvField(-3.5)).toBe("-3.5");
  });
  it("writes null, undefined and non-finite numbers as empty cells", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });
  it("quotes fields with a comma, a quote or a line break, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });
  it("defuses text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@"]) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(defuseFormula("\t=1")).toBe("'\t=1");
    expect(defuseFormula("a=b")).toBe("a=b");
    // Free text such as an action's owner, and never a number.
    expect(csvField("-1 owner")).toBe("'-1 owner");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField(-1)).toBe("-1");
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends, and reads back as written", () => {
    const text = toCsv(
      ["round", "value"],
      [
        ["Spring, 2027", 4],
        ['He said "no"\nthen left', "dont_know"],
      ],
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["round", "value"],
      ["Spring, 2027", "4"],
      ['He said "no"\nthen left', "dont_know"],
    ]);
  });
  it("writes a header alone for no rows", () => {
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });
});
