import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "@needlework/store";

/**
 * `db`, except that `interfere` runs (and completes) just before the first TransactWriteItems sent
 * through it: a write that did its reads on this Db then commits after whatever `interfere` wrote.
 * `interfered()` tells whether it ran.
 */
export function interferingDb(db: Db, interfere: () => Promise<void>): { db: Db; interfered: () => boolean } {
  let ran = false;
  return {
    db: {
      ...db,
      doc: {
        send: async (command: unknown) => {
          if (command instanceof TransactWriteCommand && !ran) {
            ran = true;
            await interfere();
          }
          return db.doc.send(command as never);
        },
      } as unknown as Db["doc"],
    },
    interfered: () => ran,
  };
}
