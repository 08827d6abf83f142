import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";

type Connection = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
type Transaction = Awaited<ReturnType<Connection["startTransaction"]>>;

/**
 * A SQLite connection on which nothing runs inside somebody else's transaction.
 *
 * The better-sqlite3 adapter has one connection per process and makes transactions wait for
 * each other, but not plain queries: one issued while a transaction is open runs inside it. A
 * write acknowledged that way would vanish if that transaction rolled back, and a read would see
 * rows not yet committed. Here every statement outside a transaction waits until none is open,
 * and transactions start one after another in the order they asked. The check and the statement
 * happen in the same turn of the event loop (better-sqlite3 runs statements synchronously), so
 * nothing can slip in between.
 */
export function oneAtATime(connection: Connection): Connection {
  // Settles when the open transaction commits or rolls back; null when none is open.
  let open: Promise<void> | null = null;

  async function startTransaction(...args: Parameters<Connection["startTransaction"]>) {
    // Checked again after every wait and followed at once by claiming the connection.
    while (open) await open;
    let finish!: () => void;
    open = new Promise<void>((resolve) => {
      finish = () => {
        open = null;
        resolve();
      };
    });
    let transaction: Transaction;
    try {
      transaction = await connection.startTransaction(...args);
    } catch (error) {
      finish();
      throw error;
    }
    const ending = (end: () => Promise<void>) => async (): Promise<void> => {
      try {
        await end();
      } finally {
        finish();
      }
    };
    const commit = ending(() => transaction.commit());
    const rollback = ending(() => transaction.rollback());
    return forwarding(transaction, { commit, rollback });
  }

  // A statement runs once no transaction is open: the last check and the statement happen in
  // one turn (an async function runs synchronously up to its first wait).
  const whenNoneOpen =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      while (open) await open;
      return run(...args);
    };

  return forwarding(connection, {
    queryRaw: whenNoneOpen(connection.queryRaw.bind(connection)),
    executeRaw: whenNoneOpen(connection.executeRaw.bind(connection)),
    executeScript: whenNoneOpen(connection.executeScript.bind(connection)),
    startTransaction,
  });
}

/** The target with some methods replaced; everything else reaches the target itself. */
function forwarding<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(replaced, property)) return replaced[property as keyof T];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(object)
        : value;
    },
  });
}
