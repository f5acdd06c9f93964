// Parse Mermaid files with Mermaid's own parser: node check.mjs FILE...
// Prints "FILE: ok (TYPE)" or "FILE: error MESSAGE" per file; exits 1 if any file fails.
// Mermaid needs a DOM when it loads (DOMPurify binds to window): jsdom gives it one.
import { readFile } from "node:fs/promises";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, "utf8");
  try {
    const result = await mermaid.parse(text);
    console.log(`${file}: ok (${result.diagramType})`);
  } catch (error) {
    failed += 1;
    const message = String(error?.message ?? error).split("\n").join(" ");
    console.log(`${file}: error ${message}`);
  }
}
process.exit(failed ? 1 : 0);
