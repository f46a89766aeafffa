/*
 * LDAP search filters (RFC 4515) as libldap parses them before a search is sent. Flask-AppBuilder places the
 * configured filter inside its own, `(&<filter>(<uid>=<name>))`, so a filter libldap refuses makes every sign-in
 * fail; one with an unbalanced parenthesis changes what the composed filter means. The parser follows what libldap
 * accepts, checked against it (test/auth/ldap-slapd.test.ts): spaces are allowed around the parts, `&` and `|` may
 * have no operand (RFC 4526), `(` and `)` in a value must be escaped, `\` starts a two-digit hex escape (or, in
 * LDAPv2's style, escapes one of `(`, `)`, `*` and `\`), and only equality (`=`) takes wildcards.
 */

/** What libldap skips between the parts: space, tab and newline only (not a carriage return or a no-break space). */
const SPACE = /[ \t\n]/;
const NAME = '(?:[A-Za-z][A-Za-z0-9-]*|\\d+(?:\\.\\d+)*)';
/** An attribute description: a name or numeric OID, with options (`cn;lang-en`). */
const ATTRIBUTE = new RegExp(`^${NAME}(?:;[A-Za-z0-9-]+)*$`);
/**
 * The left side of an extensible match, before its `:=`, as libldap reads it: `attr[:dn][:rule]`, where the rule may
 * be empty (`cn::=x`), or without an attribute `[:dn]:rule`, where a lone `:dn` is the flag and not a rule.
 */
const EXTENSIBLE = new RegExp(`^(?:${NAME}(?:;[A-Za-z0-9-]+)*(?::dn)?(?::(?:${NAME})?)?|:dn:${NAME}|:(?!dn$)${NAME})$`, 'i');

class FilterError extends Error {}

/** How deep filters may nest: far beyond any directory's need, short of the parser's stack. */
const MAX_DEPTH = 64;

/** Problems are told by position, never by quoting the text: the value may be one that messages hide. */
class Parser {
  private pos = 0;

  public constructor(private readonly text: string) {}

  /** One or more filters, each in parentheses, as Flask-AppBuilder's `&` list takes them. */
  public filters(): void {
    const nul = this.text.indexOf('\0');
    // python-ldap refuses a string with a NUL: Flask-AppBuilder's sign-in would fail with a server error.
    if (nul >= 0) throw new FilterError(`has a NUL character at position ${nul + 1}`);
    this.skipSpace();
    if (this.pos >= this.text.length) throw new FilterError('is empty');
    while (this.pos < this.text.length) {
      this.filter();
      this.skipSpace();
    }
  }

  private filter(depth = 1): void {
    if (depth > MAX_DEPTH) throw new FilterError(`nests filters more than ${MAX_DEPTH} deep`);
    const open = this.pos;
    this.expect('(');
    this.skipSpace();
    const operator = this.text[this.pos];
    if (operator === '&' || operator === '|') {
      this.pos++;
      this.skipSpace();
      while (this.text[this.pos] === '(') {
        this.filter(depth + 1);
        this.skipSpace();
      }
      this.expect(')');
    } else if (operator === '!') {
      this.pos++;
      this.skipSpace();
      this.filter(depth + 1);
      // libldap takes no space before a negation's ')', unlike an '&' or '|' list's.
      this.expect(')');
    } else {
      this.item(open);
    }
  }

  /** `attr=value`, `attr~=value`, `attr>=value`, `attr<=value`, `attr=*`, substrings, or an extensible match. */
  private item(open: number): void {
    const start = this.pos;
    let end = start;
    let escapedClose = -1;
    while (end < this.text.length && this.text[end] !== ')') {
      if (this.text[end] === '(') throw new FilterError(`has an unescaped '(' at position ${end + 1} (write \\28 for it in a value)`);
      if (this.text[end] === '\\' && this.text[end + 1] === ')' && escapedClose < 0) escapedClose = end + 1;
      end += this.text[end] === '\\' ? 2 : 1;
    }
    if (end >= this.text.length) {
      const why = escapedClose >= 0 ? ` (the ')' at position ${escapedClose + 1} is escaped by the '\\' before it; write \\5c for a '\\')` : '';
      throw new FilterError(`has a '(' at position ${open + 1} that is never closed${why}`);
    }
    const body = this.text.slice(start, end);
    this.pos = end + 1;
    const equals = body.indexOf('=');
    if (equals < 0) throw new FilterError(`has an item without an operator at position ${start + 1} (for example '(cn=value)')`);
    // Spaces before the attribute are skipped, none may stand between it and the operator.
    let attribute = body.slice(0, equals);
    const last = attribute[attribute.length - 1];
    if (last === ':') {
      if (!EXTENSIBLE.test(attribute.slice(0, -1))) {
        throw new FilterError(`has an invalid extensible match at position ${start + 1} (attr[:dn][:rule]:=value, or [:dn]:rule:=value)`);
      }
    } else {
      if (last === '~' || last === '<' || last === '>') attribute = attribute.slice(0, -1);
      if (!ATTRIBUTE.test(attribute)) {
        throw new FilterError(`has an invalid attribute description at position ${start + 1} (a name such as 'memberOf', or an OID, `
          + 'with \';\' options)');
      }
    }
    checkValue(body.slice(equals + 1), start + equals + 1, last === ':' || last === '~' || last === '<' || last === '>');
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) {
      const found = this.pos < this.text.length ? `'${this.text[this.pos]}' at position ${this.pos + 1}` : 'the end';
      throw new FilterError(`needs '${char}' where it has ${found}`);
    }
    this.pos++;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && SPACE.test(this.text[this.pos])) this.pos++;
  }
}

/**
 * A value at `offset` of the text: every `\` starts a two-digit hex escape or escapes one of `(`, `)`, `*` and `\`;
 * no wildcard with `noWildcards` (`~=`, `<=`, `>=` and extensible matches), and never two wildcards in a row.
 */
function checkValue(value: string, offset: number, noWildcards: boolean): void {
  let afterWildcard = false;
  for (let i = 0; i < value.length; i++) {
    const position = offset + i + 1;
    if (value[i] === '*') {
      if (noWildcards) {
        throw new FilterError(`has a '*' at position ${position} in a match that takes no wildcards (only '=' does; write \\2a for a literal '*')`);
      }
      if (afterWildcard) throw new FilterError(`has '**' at position ${position - 1}: a substring match needs text between its wildcards`);
      afterWildcard = true;
      continue;
    }
    afterWildcard = false;
    if (value[i] !== '\\') continue;
    if (/^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) i += 2;
    else if ('()*\\'.includes(value[i + 1] ?? 'none')) i += 1;
    else throw new FilterError(`has a '\\' at position ${position} that is not a two-digit hex escape (such as \\2a for '*')`);
  }
}

/**
 * Whether `name` is an attribute description as a filter item takes it (`memberOf`, `sAMAccountName`, an OID,
 * `cn;lang-en`): Flask-AppBuilder writes its uid field into the search filter as it is.
 */
export function isLdapAttribute(name: string): boolean {
  return ATTRIBUTE.test(name);
}

/**
 * Why `text` is not one or more LDAP filters in parentheses as libldap reads them, or `undefined` when it is.
 */
export function ldapFilterProblem(text: string): string | undefined {
  try {
    new Parser(text).filters();
    return undefined;
  } catch (error) {
    if (error instanceof FilterError) return error.message;
    throw error;
  }
}
