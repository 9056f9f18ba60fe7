// Which line of the learner's .ts file a position in the code the browser ran comes from. The
// browser's stack trace names the transformed module (types stripped); its source map
// ("mappings": base64 VLQ, one group per generated line, segments separated by ",") says where
// each piece came from.
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = DIGITS.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The 1-based source line of generated 1-based `line`, 1-based `column`; `line` itself when the map has nothing there. */
export function sourceLine(mappings: string, line: number, column: number): number {
  let sourceLineSoFar = 0;
  let best: number | undefined;
  mappings.split(";").forEach((group, index) => {
    let generatedColumn = 0;
    for (const segment of group.split(",")) {
      if (!segment) continue;
      const [dColumn, , dLine] = decodeSegment(segment);
      generatedColumn += dColumn;
      if (dLine === undefined) continue;
      sourceLineSoFar += dLine;
      if (index === line - 1 && (best === undefined || generatedColumn <= column - 1)) best = sourceLineSoFar;
    }
  });
  return best === undefined ? line : best + 1;
}
