import type { Page } from "@needlework/store";

/** Maps a store page to a Relay connection. */
export function toConnection<T, N>(page: Page<T>, map: (t: T) => N) {
  return {
    edges: page.items.map((item, i) => ({ cursor: page.cursors[i] ?? "", node: map(item) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
