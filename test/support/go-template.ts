/**
 * What Helm makes of a file, for text whose only actions print raw strings: a model of Go's `text/template`, which
 * Helm renders chart files with (there is no Helm binary here).
 *
 * As Go's lexer does, text runs up to the next `{{`, which always opens an action (`}}` outside an action is plain
 * text); `{{- ` and ` -}}` trim the white space around an action, and `{{/* … *\/}}` is a comment. Inside an action,
 * a raw string runs from a backquote to the next one, newlines and `{{`/`}}` included, and an action that holds only
 * a raw string prints it verbatim (`text/template` does no HTML escaping). Any other action (a variable, a
 * function, an interpreted string) is something Helm would evaluate rather than print, so it is an error here.
 */
export function renderGoTemplate(template: string): string {
  let out = '';
  let pos = 0;
  let trimNextText = false;
  while (pos <= template.length) {
    const open = template.indexOf('{{', pos);
    let text = open === -1 ? template.slice(pos) : template.slice(pos, open);
    if (trimNextText) text = text.replace(/^\s+/, '');
    trimNextText = false;
    if (open === -1) return out + text;
    let at = open + 2;
    // A left trim marker is a hyphen followed by white space.
    if (/^-\s/.test(template.slice(at, at + 2))) {
      text = text.replace(/\s+$/, '');
      at += 2;
    }
    out += text;
    if (template.startsWith('/*', at)) {
      const end = template.indexOf('*/', at + 2);
      if (end === -1) throw new Error(`unclosed comment at ${open}`);
      at = end + 2;
    } else {
      at = skipSpaces(template, at);
      if (template[at] !== '`') throw new Error(`action at ${open} is not a raw string: ${template.slice(open, open + 30)}`);
      const close = template.indexOf('`', at + 1);
      if (close === -1) throw new Error(`unterminated raw string at ${at}`);
      out += template.slice(at + 1, close);
      at = skipSpaces(template, close + 1);
    }
    // A right trim marker is white space followed by a hyphen.
    if (template.startsWith('-}}', at) && /\s/.test(template[at - 1] ?? '')) {
      trimNextText = true;
      at += 1;
    }
    if (!template.startsWith('}}', at)) throw new Error(`action at ${open} does not end with }}: ${template.slice(open, at + 10)}`);
    pos = at + 2;
  }
  return out;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
