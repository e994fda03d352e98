// What a text field of a report may hold: no control characters (line breaks and tabs only in Markdown bodies), no
// lone surrogates, no noncharacters, and no more than its kind's length limit. User text thus never carries the
// characters the renderer uses internally, and never reaches a PDF as something no font can print.
import type { Message } from '../validation-finding';
import { reportLimits, type TextFieldKind } from './limits';

/** What is wrong with a field's text: the finding's message says it after the field's path. */
export interface TextFieldProblem {
  readonly expected: string;
  readonly actual: string;
  /** 1-based line of the offending character, in a multi-line field. */
  readonly line?: number;
  readonly message: Message;
}

/**
 * The characters each kind may hold: a single line, a Markdown body (line breaks and tabs too), or anything, for
 * `$comment`, which the parser drops: it is never rendered or published, so only its length matters.
 */
const characters: Record<TextFieldKind, 'line' | 'body' | 'any'> = {
  title: 'line',
  name: 'line',
  heading: 'line',
  body: 'body',
  comment: 'any',
};

// \p{Cc} is U+0000–U+001F and U+007F–U+009F; \p{Cs} matches only lone surrogates under the u flag.
const forbiddenInLine = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const forbiddenInBody = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
// Parsing is on the hot path of validation and the u patterns are five times slower: text without these suspects
// (controls, any surrogate, so any character outside the BMP, and the BMP noncharacters) needs no closer look.
// Named as a class of what to find, not of what to skip: V8 scans that ~20% faster.
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const suspectInLine = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- as above
const suspectInBody = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function characterKind(char: string): Message {
  const code = char.codePointAt(0)!;
  if (code >= 0xd800 && code <= 0xdfff) return { zh: '孤立的代理项', en: 'a lone surrogate' };
  if (code <= 0x9f) return { zh: '控制字符', en: 'a control character' };
  return { zh: '非字符码位', en: 'a noncharacter' };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first thing wrong with a field's text, or undefined when it may be kept as it is. */
export function textFieldProblem(kind: TextFieldKind, text: string): TextFieldProblem | undefined {
  const limit = reportLimits.fieldChars[kind];
  if (text.length > limit) {
    return {
      expected: `at most ${limit} characters`,
      actual: `${text.length} characters`,
      message: {
        zh: `长度为 ${text.length} 个字符，超过此类字段的上限 ${limit} 个字符`,
        en: `is ${text.length} characters long, more than the limit of ${limit} for this field`,
      },
    };
  }
  const allowed = characters[kind];
  if (allowed === 'any' || !(allowed === 'body' ? suspectInBody : suspectInLine).test(text)) return undefined;
  const match = (allowed === 'body' ? forbiddenInBody : forbiddenInLine).exec(text);
  if (!match) return undefined;
  const char = codePoint(match[0]);
  const what = characterKind(match[0]);
  const rule =
    allowed === 'body'
      ? {
          zh: '正文中只允许换行符和制表符这两种控制字符',
          en: 'the only control characters a body may hold are line breaks and tabs',
        }
      : {
          zh: '此字段不允许换行符、制表符等控制字符',
          en: 'this field may hold no control character, line break or tab',
        };
  return {
    expected: 'text without control characters',
    actual: char,
    ...(allowed === 'body' ? { line: lineOf(text, match.index) } : {}),
    message: {
      zh: `第 ${match.index + 1} 个字符是${what.zh} ${char}，${rule.zh}`,
      en: `character ${match.index + 1} is ${what.en}, ${char}; ${rule.en}`,
    },
  };
}
