// Read MSDL files with ORBAT Mapper's MSDL library: node read-msdl.mjs FILE...
// Prints one JSON object per file: its force sides and units as the library sees them
// ({"file", "error"} when it cannot read one). The library parses with the browser's
// DOMParser, which jsdom gives it.
import { readFile } from "node:fs/promises";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.DOMParser = window.DOMParser;
const { MilitaryScenario } = await import("@orbat-mapper/msdllib");

for (const file of process.argv.slice(2)) {
  try {
    const scenario = MilitaryScenario.createFromString(await readFile(file, "utf8"));
    const units = Object.values(scenario.unitMap).map((unit) => ({
      handle: unit.objectHandle,
      name: unit.name,
      superior: unit.superiorHandle,
      root: unit.isRoot,
      subordinates: unit.subordinates.map((s) => s.objectHandle),
      sidc: unit.sidc,
      designation: unit.symbolModifiers?.uniqueDesignation ?? null,
      info: unit.symbolModifiers?.additionalInfo ?? null,
      location: unit.location ?? null,
    }));
    const sides = scenario.forceSides.map((side) => ({
      handle: side.objectHandle,
      name: side.name,
      allegiance: side.allegianceHandle,
      roots: side.rootUnits.map((u) => u.objectHandle),
    }));
    console.log(JSON.stringify({ file, name: scenario.scenarioId.name, sides, units }));
  } catch (error) {
    console.log(JSON.stringify({ file, error: String(error?.message ?? error) }));
  }
}
