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
  const noneOpen = async () => {
    while (open) await open;
  };

  async function startTransaction(...args: Parameters<Connection["startTransaction"]>) {
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

  return forwarding(connection, {
    queryRaw: (...args: Parameters<Connection["queryRaw"]>) =>
      open ? noneOpen().then(() => connection.queryRaw(...args)) : connection.queryRaw(...args),
    executeRaw: (...args: Parameters<Connection["executeRaw"]>) =>
      open ? noneOpen().then(() => connection.executeRaw(...args)) : connection.executeRaw(...args),
    executeScript: (...args: Parameters<Connection["executeScript"]>) =>
      open
        ? noneOpen().then(() => connection.executeScript(...args))
        : connection.executeScript(...args),
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
