// Where a configuration file stops being valid JSON, as a line and column with a plain
// description, and never the text around it: V8's own message quotes the input near the
// error ("Unexpected token 'h', …"assword": hunter2…"), which would put a mistyped password
// into the start-up dialog and into wall.log. So the file is scanned by this small checker,
// which reports a position and what it expected there, and nothing of the file's content.

export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

const MAX_DEPTH = 512;

class Scanner {
  index = 0;
  constructor(readonly text: string) {}

  fail(problem: string, at = this.index): never {
    throw new JsonFault(at, problem);
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.index] ?? '')) this.index++;
  }

  expect(char: string, problem: string): void {
    this.skipSpace();
    if (this.text[this.index] !== char) this.fail(this.describe(problem));
    this.index++;
  }

  /** "expected X" plus what was found instead, named by its class, not quoted. */
  describe(expected: string): string {
    const found = this.text[this.index];
    if (found === undefined) return `${expected}, but the file ends here`;
    if (/[A-Za-z0-9_]/.test(found))
      return `${expected}, found a bare word (text must be in "quotes")`;
    return `${expected}, found an unexpected character`;
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('the file is nested too deeply');
    this.skipSpace();
    const char = this.text[this.index];
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return;
      }
    }
    this.fail(this.describe('expected a value'));
  }

  object(depth: number): void {
    this.index++;
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] !== '"') this.fail(this.describe('expected a "quoted" name'));
      this.string();
      this.expect(':', 'expected ":" after a name');
      this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.index];
      if (next !== ',' && next !== '}') this.fail(this.describe('expected "," or "}"'));
      this.index++;
      if (next === '}') return;
    }
  }

  array(depth: number): void {
    this.index++;
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index++;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.index];
      if (next !== ',' && next !== ']') this.fail(this.describe('expected "," or "]"'));
      this.index++;
      if (next === ']') return;
    }
  }

  string(): void {
    const start = this.index++;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail('a "quoted" text is not closed', start);
      if (char === '"') break;
      if (char < ' ') this.fail('a line break or control character inside "quotes"');
      if (char === '\\') {
        const escape = this.text[this.index + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) {
            this.fail('a \\u escape needs four hexadecimal digits');
          }
          this.index += 4;
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          this.fail('an unknown escape after "\\" (write "\\\\" for a backslash)');
        }
        this.index++;
      }
      this.index++;
    }
    this.index++;
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index));
    if (!match) this.fail('a number is not written correctly');
    this.index += match[0].length;
  }
}

class JsonFault {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.value(0);
    scanner.skipSpace();
    if (scanner.index < text.length) scanner.fail('there is more after the end of the JSON');
    return null;
  } catch (error) {
    if (!(error instanceof JsonFault)) throw error;
    return { ...lineAndColumn(text, error.offset), problem: error.problem };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
