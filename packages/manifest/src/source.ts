import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Issue } from './issue.ts';

/** A parsed YAML or JSON file that can tell where each value stands in the text. */
export interface Source {
  file: string;
  data: unknown;
  /** Line and column (1-based) of the value at `segments`, or of its key when `key` is set. */
  locate(
    segments: readonly (string | number)[],
    key?: boolean,
  ): { line: number; column: number } | undefined;
}

export type ParseResult = { source: Source; issues: [] } | { source?: undefined; issues: Issue[] };

/** Parses text as JSON (strictly, for .json files) or YAML, keeping positions for messages. */
export function parseSource(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const isJson = extname(file).toLowerCase() === '.json';
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (error) {
      return { issues: [jsonSyntaxIssue(text, file, error as Error)] };
    }
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: isJson ? 'FERRY_JSON_SYNTAX' : 'FERRY_YAML_SYNTAX',
          file,
          path: '$',
          line: pos.line,
          column: pos.col,
          message: e.message.split('\n')[0] ?? e.message,
          hint: isJson
            ? 'Fix the JSON syntax at the line shown.'
            : 'Fix the YAML syntax at the line shown (indentation, a missing colon, an unclosed quote, a repeated key).',
        };
      }),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const locate: Source['locate'] = (segments, key = false) => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const segment of segments) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
        );
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        break;
      }
    }
    const target = (key && keyNode) || (node as Node | null);
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { source: { file, data, locate }, issues: [] };
}

/** Reads and parses a file; a missing file is an issue, not an exception. */
export async function readSource(file: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return {
      issues: [
        {
          code: 'FERRY_FILE_NOT_FOUND',
          file,
          path: '$',
          message: `${file} ${reason}`,
          hint: 'Check the path; relative paths are resolved from the file that names them.',
        },
      ],
    };
  }
  return parseSource(text, file);
}

function jsonSyntaxIssue(text: string, file: string, error: Error): Issue {
  const at = /position (\d+)/.exec(error.message);
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  let line: number | undefined;
  let column: number | undefined;
  if (lineCol) {
    line = Number(lineCol[1]);
    column = Number(lineCol[2]);
  } else if (at) {
    const before = text.slice(0, Number(at[1]));
    line = before.split('\n').length;
    column = Number(at[1]) - before.lastIndexOf('\n');
  }
  return {
    code: 'FERRY_JSON_SYNTAX',
    file,
    path: '$',
    ...(line === undefined ? {} : { line, column }),
    message: error.message.replace(/ in JSON at position \d+.*$/, ''),
    hint: 'Fix the JSON syntax at the line shown (a trailing comma, a missing quote or brace).',
  };
}
