import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pyBool, pyEnv, pyFStringText, pyInt, pyString } from '../../src/render/python';
import { runSupersetConfig } from '../support/python';

const NASTY = [
  'plain',
  '',
  'double " quote',
  "single ' quote",
  'back\\slash and \\n literal',
  'new\nline, carriage\rreturn, tab\t, nul\u0000, bell\u0007, del\u007f',
  'braces {x} {{y}} }{',
  'unicode é ß € 漢字 😀 \u2028',
  '"""; import os; os.system("x") #',
  '\\N{BULLET}',
];

describe('pyString and pyFStringText', () => {
  test('Python reads back exactly the original strings', () => {
    // F<i> is an f-string, where an unescaped brace would be a replacement field.
    const lines = NASTY.flatMap((value, i) => [`S${i} = ${pyString(value)}`, `F${i} = f"${pyFStringText(value)}"`]);
    const settings = runSupersetConfig(lines.join('\n') + '\n', {});
    NASTY.forEach((value, i) => {
      expect(settings[`S${i}`]).toBe(value);
      expect(settings[`F${i}`]).toBe(value);
    });
  });

  test('the literal is plain printable ASCII on one line', () => {
    for (const value of NASTY) expect(pyString(value)).toMatch(/^"[\x20-\x7e]*"$/);
  });

  test('f-string text doubles braces', () => {
    expect(pyFStringText('{a}')).toBe('{{a}}');
  });
});

describe('pyInt', () => {
  test('writes integers', () => {
    expect(pyInt(-1)).toBe('-1');
    expect(pyInt(86400)).toBe('86400');
  });

  test.each([1.5, NaN, Infinity])('refuses %p', (value) => {
    expect(() => pyInt(value)).toThrow(/integer/);
  });
});

describe('pyBool', () => {
  test('writes Python booleans', () => {
    expect([pyBool(true), pyBool(false)]).toEqual(['True', 'False']);
  });
});

describe('pyEnv', () => {
  test('reads a variable by its fixed name', () => {
    expect(pyEnv('SUPERSET_OPERATOR__SECRET_KEY')).toBe("os.environ['SUPERSET_OPERATOR__SECRET_KEY']");
  });

  test('refuses names that would need quoting', () => {
    expect(() => pyEnv("X']; import os #")).toThrow(/unexpected/);
  });
});

describe('runSupersetConfig', () => {
  test('fails loudly, naming the module, when the interpreter lacks one', () => {
    // A module on PYTHONPATH that cannot be imported shadows the installed cachelib.
    const shadow = fs.mkdtempSync(path.join(os.tmpdir(), 'shadow-'));
    try {
      fs.writeFileSync(path.join(shadow, 'cachelib.py'), 'raise ImportError("shadowed")\n');
      expect(() => runSupersetConfig('X = 1\n', { PYTHONPATH: shadow }))
        .toThrow(/missing Python module\(s\).*: cachelib/);
    } finally {
      fs.rmSync(shadow, { recursive: true, force: true });
    }
  });

  test('reports a Python error with its traceback', () => {
    expect(() => runSupersetConfig('X = undefined_name\n', {})).toThrow(/NameError: name 'undefined_name'/);
  });
});
