/*
 * The structure of distinguished names (RFC 4514, with LDAPv2's `;` and quoted values): a directory refuses a
 * search base or bind DN it cannot parse, so every sign-in would fail. Refused here is only what no directory
 * parses: an empty RDN (two separators in a row, one first or last), an RDN without `=`, an attribute type that is
 * neither a name nor a numeric OID, a quoted value never closed, and a `\` at the very end. Whatever this refuses,
 * libldap refuses too (test/auth/ldap-dn.test.ts asks it through python-ldap); inside a value, where directories
 * differ, it is lenient.
 */

class DnError extends Error {}

/** What libldap skips around the parts of a DN. */
const SPACE = /[ \t\n\r]/;

/** Problems are told by position, never by quoting the text: a bind DN may be one that messages hide. */
class Parser {
  private pos = 0;

  public constructor(private readonly text: string) {}

  public dn(): void {
    if (this.text === '') return;
    for (;;) {
      this.rdn();
      if (this.pos >= this.text.length) return;
      // rdn() stops only at the end or at a separator.
      this.pos++;
      this.skipSpace();
      if (this.pos >= this.text.length) this.fail('ends with a separator; remove it, or add the RDN that should follow');
    }
  }

  private rdn(): void {
    for (;;) {
      this.ava();
      if (this.peek() !== '+') return;
      this.pos++;
      this.skipSpace();
      if (this.pos >= this.text.length) this.fail('ends with a separator; remove it, or add the RDN that should follow');
    }
  }

  private ava(): void {
    this.skipSpace();
    const start = this.pos;
    if (this.peek() === ',' || this.peek() === ';' || this.peek() === '+') this.fail('has an empty RDN or attribute-value pair (two separators in a row, or one first)');
    if (this.pos >= this.text.length) this.fail('has no RDN (write type=value, such as dc=example)');
    this.type();
    this.skipSpace();
    if (this.peek() !== '=') {
      this.pos = start;
      this.fail('has an RDN without \'=\' (write type=value, such as ou=people)');
    }
    this.pos++;
    this.skipSpace();
    this.value();
  }

  /** A name (`cn`, `o-u`) or a numeric OID (`2.5.4.3`). */
  private type(): void {
    const first = this.peek();
    if (/[A-Za-z]/.test(first)) {
      while (/[A-Za-z0-9-]/.test(this.peek())) this.pos++;
      return;
    }
    if (/\d/.test(first)) {
      while (/\d/.test(this.peek())) this.pos++;
      while (this.peek() === '.') {
        this.pos++;
        if (!/\d/.test(this.peek())) this.fail('has an attribute type that is not a numeric OID (a digit must follow each \'.\')');
        while (/\d/.test(this.peek())) this.pos++;
      }
      return;
    }
    this.fail('has an attribute type that is neither a name (a letter, then letters, digits and \'-\') nor a numeric OID');
  }

  /**
   * A value, read leniently: directories differ in what they accept inside a value (Active Directory's parser is not
   * libldap's), so only a quoted value never closed and a final `\` that escapes nothing are refused here.
   */
  private value(): void {
    // libldap ends a `#` hex value at a space and skips what follows, so nothing after one is refused.
    const hex = this.peek() === '#';
    if (this.peek() === '"') {
      this.pos++;
      for (;;) {
        if (this.pos >= this.text.length) this.fail('has a quoted value that is never closed');
        const ch = this.text[this.pos];
        if (ch === '"') break;
        this.pos += ch === '\\' ? 2 : 1;
      }
      this.pos++;
    }
    for (;;) {
      const ch = this.peek();
      if (ch === '' || ch === ',' || ch === ';' || ch === '+') return;
      if (ch === '\\' && this.pos + 1 >= this.text.length && !hex) this.fail('ends with a \'\\\' that escapes nothing (write \\\\ for a backslash)');
      this.pos += ch === '\\' ? 2 : 1;
    }
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && SPACE.test(this.text[this.pos])) this.pos++;
  }

  private fail(problem: string): never {
    throw new DnError(`${problem}, at position ${this.pos + 1}`);
  }
}

/** Why libldap would refuse `text` as a distinguished name, or undefined when it parses. */
export function ldapDnProblem(text: string): string | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return `has a NUL character at position ${nul + 1}`;
  try {
    new Parser(text).dn();
    return undefined;
  } catch (error) {
    if (error instanceof DnError) return error.message;
    throw error;
  }
}
