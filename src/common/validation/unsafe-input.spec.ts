import { CONTROL_MESSAGE, DEPTH_MESSAGE, findUnsafeInput, jsonNestingDepth, SURROGATE_MESSAGE, unsafeTextReason } from './unsafe-input.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('unsafeTextReason', () => {
  it.each(['plain', 'tab\there', 'two\nlines', 'crlf\r\n', 'emoji 🦉 (a surrogate pair)', 'Ñandú', ''])('accepts %j', (text) =>
    expect(unsafeTextReason(text)).toBeNull(),
  );
  it.each(['a\u0000b', '\u0001', 'bell\u0007', 'vt\u000b', 'esc\u001b[31m', '\u001f'])('refuses the control character in %j', (text) =>
    expect(unsafeTextReason(text)).toBe(CONTROL_MESSAGE),
  );
  it.each(['\ud800', 'x\udfffy', '\udc00\ud800', 'end\ud83d'])('refuses the lone surrogate in %j', (text) =>
    expect(unsafeTextReason(text)).toBe(SURROGATE_MESSAGE),
  );
});

describe('findUnsafeInput', () => {
  it('names each bad field by its path, as validation errors do', () => {
    expect(
      findUnsafeInput({
        email: 'a\u0000@x.test',
        child: { firstName: 'Jo', identifyingMarks: ['ok', 'scar\u0000'] },
        caseworkerEmail: '\ud800@x.test',
      }),
    ).toEqual([
      { field: 'email', message: CONTROL_MESSAGE },
      { field: 'child.identifyingMarks.1', message: CONTROL_MESSAGE },
      { field: 'caseworkerEmail', message: SURROGATE_MESSAGE },
    ]);
  });

  it('checks field names too', () => {
    expect(findUnsafeInput({ 'na\u0000me': 1 })).toEqual([{ field: 'na?me', message: `(a field name) ${CONTROL_MESSAGE}` }]);
  });

  it('prefixes a named value and accepts numbers, booleans and null', () => {
    expect(findUnsafeInput('x\u0000', 'cursor')).toEqual([{ field: 'cursor', message: CONTROL_MESSAGE }]);
    expect(findUnsafeInput({ a: 1, b: true, c: null, d: [1.5, -2] })).toEqual([]);
  });

  it('allows 32 levels and refuses 33 without recursing', () => {
    expect(findUnsafeInput(nested(32))).toEqual([]);
    expect(findUnsafeInput(nested(33))).toEqual([expect.objectContaining({ message: DEPTH_MESSAGE })]);
    expect(findUnsafeInput(nested(100_000))).toHaveLength(1);
  });

  it('stops listing after 20 bad fields', () => {
    expect(findUnsafeInput(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('jsonNestingDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonNestingDepth('"[[[[[["')).toBe(0);
    expect(jsonNestingDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonNestingDepth('[]')).toBe(1);
    expect(jsonNestingDepth(JSON.stringify(nested(33)))).toBe(33);
    expect(jsonNestingDepth('['.repeat(5000) + ']'.repeat(5000))).toBe(5000);
  });
});
