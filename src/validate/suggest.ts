/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate the user most likely meant, or undefined when none is close. Case is ignored (`webserver` means
 * `webServer`); a third of the word may differ (`replica` finds `replicas`, `foo` finds nothing); and a
 * candidate that starts with the word counts as close (`warn` finds `warning`); a reference field is close to the
 * name of what it refers to (`bindPasswrd` finds `bindPasswordFrom`). Ties go to the earlier candidate, which keeps
 * messages stable.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const name = candidate.toLowerCase();
    // A reference field (`passwordFrom`) is often written as the value it refers to (`password`, `pasword`).
    const distance = Math.min(editDistance(lower, name), name.endsWith('from') ? editDistance(lower, name.slice(0, -4)) : Infinity);
    const close = distance <= limit || (lower.length >= 3 && name.startsWith(lower));
    if (close && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
