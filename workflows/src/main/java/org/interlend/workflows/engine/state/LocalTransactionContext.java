package org.interlend.workflows.engine.state;

import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * One context of the local state: one transaction, opened when an operation needs it and committed
 * by the operation that opened it (or by the stream processor, which takes the current transaction
 * and commits or rolls back itself). Used by one thread at a time, as Zeebe uses its contexts.
 */
final class LocalTransactionContext implements TransactionContext {

  private final LocalTransaction transaction;

  LocalTransactionContext(ConcurrentNavigableMap<byte[], byte[]> committed) {
    this.transaction = new LocalTransaction(committed);
  }

  @Override
  public void runInTransaction(TransactionOperation operation) {
    if (transaction.isOpen()) {
      run(operation);
      return;
    }
    transaction.begin();
    try {
      run(operation);
      transaction.commit();
    } catch (RuntimeException | Error e) {
      transaction.rollback();
      throw e;
    }
  }

  @Override
  public ZeebeDbTransaction getCurrentTransaction() {
    if (!transaction.isOpen()) {
      transaction.begin();
    }
    return transaction;
  }

  /** The open transaction, for the column families' reads and writes. */
  LocalTransaction open() {
    if (!transaction.isOpen()) {
      throw new IllegalStateException("no transaction is open in this context");
    }
    return transaction;
  }

  private static void run(TransactionOperation operation) {
    try {
      operation.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the local engine's state operation failed: " + e, e);
    }
  }
}
