import type { Scope } from "./ir.js";

/** Id of the innermost scope containing `offset` (scopes nest, so the deepest is the one created last). */
export function innermostScope(scopes: readonly Scope[], offset: number): number {
  let best = 0;
  for (const s of scopes) if (s.range[0] <= offset && offset < s.range[1] && s.id > best) best = s.id;
  return best;
}
