import type DataLoader from "dataloader";

/**
 * `loader.loadMany` without losing failures. loadMany puts an Error in place of a key that failed
 * (throttled, unexpected); filtering those out would answer with silently missing records, so the
 * first failure fails the field instead. Missing records stay `undefined`.
 */
export async function loadAll<K, V, C = K>(loader: DataLoader<K, V, C>, keys: readonly K[]): Promise<V[]> {
  const out = await loader.loadMany(keys);
  const failed = out.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return out as V[];
}
