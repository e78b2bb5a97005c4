package org.interlend.workflows.engine.state;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.DbNil;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The local engine's state store: Zeebe's key-value store held in memory, in place of the test
 * engine's, whose every range walk copied the whole store and then read it to the end (so each step
 * of a process instance cost time in proportion to everything the engine held, and a reader on
 * another actor thread could fail while the stream processor committed).
 *
 * <p>Committed entries live in one sorted concurrent map, keyed by the column family's number
 * followed by the key's bytes, as Zeebe's own store lays them out; each transaction context keeps
 * its uncommitted writes apart until commit. A walk over a key prefix seeks to the prefix and stops
 * at its end, so it costs the entries it visits. Readers on other threads see committed entries
 * only and never fail because a commit runs beside them.
 *
 * <p>The store keeps no history: what the engine deletes is gone, so its size follows the work in
 * flight. Nothing is written to disk; there are no snapshots.
 */
public final class LocalState<T extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily>
    implements ZeebeDb<T> {

  /** Unsigned lexicographic order of keys, as RocksDB orders them. */
  static final Comparator<byte[]> KEY_ORDER = Arrays::compareUnsigned;

  private final ConcurrentSkipListMap<byte[], byte[]> committed =
      new ConcurrentSkipListMap<>(KEY_ORDER);
  private final MeterRegistry meters = new SimpleMeterRegistry();

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
      T columnFamily, TransactionContext context, K keyInstance, V valueInstance) {
    return new LocalColumnFamily<>(
        columnFamily,
        columnFamily.getValue(),
        columnFamily.partitionScope(),
        contextOf(context),
        keyInstance,
        valueInstance);
  }

  @Override
  public TransactionContext createContext() {
    return new LocalTransactionContext(committed);
  }

  @Override
  public boolean isEmpty(T columnFamily, TransactionContext context) {
    return createColumnFamily(columnFamily, context, LocalColumnFamily.NO_KEY, DbNil.INSTANCE)
        .isEmpty();
  }

  /** Committed entries in the store, all column families together. */
  public int entries() {
    return committed.size();
  }

  @Override
  public void createSnapshot(File snapshotDir) {
    throw new UnsupportedOperationException("the local engine's state is not snapshotted");
  }

  @Override
  public Optional<String> getProperty(String propertyName) {
    return Optional.empty();
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return meters;
  }

  @Override
  public void close() {
    committed.clear();
  }

  private static LocalTransactionContext contextOf(TransactionContext context) {
    if (context instanceof LocalTransactionContext local) {
      return local;
    }
    throw new IllegalArgumentException(
        "a column family of the local state needs a context of the same store, got " + context);
  }
}
