/**
 * `{{ … }}` without a backquote inside (so it fits a raw string), or else a lone `{{`.
 * Non-greedy, so each occurrence ends at its first `}}`.
 */
const OPENING = /\{\{[^`]*?\}\}|\{\{/g;

/**
 * Escapes text for a Helm chart, whose files Helm renders as Go templates: every `{{ … }}` becomes the action
 * {{`{{ … }}`}}, which prints the raw string it holds, so Helm renders the text back exactly as it was. Only `{{`
 * opens an action in Go templates (a `}}` outside one is plain text), so a `{{` that is not closed, or whose
 * occurrence holds a backquote (a raw string cannot), is escaped on its own as {{`{{`}}. Text without `{{` is
 * returned unchanged.
 */
export function escapeHelmTemplates(text: string): string {
  return text.replace(OPENING, (opening) => `{{\`${opening}\`}}`);
}
