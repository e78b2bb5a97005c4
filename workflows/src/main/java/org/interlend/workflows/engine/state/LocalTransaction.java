package org.interlend.workflows.engine.state;

import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * A transaction of the local state: its writes are kept apart (and read back by its own reads)
 * until commit puts them into the committed entries; rollback forgets them.
 */
final class LocalTransaction implements ZeebeDbTransaction {

  /** The value of a key this transaction deleted; compared by identity. */
  private static final byte[] DELETED = new byte[0];

  /** What a walk over a range gets, entry by entry, until it answers false. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(byte[] key, byte[] value);
  }

  private final ConcurrentNavigableMap<byte[], byte[]> committed;
  private final TreeMap<byte[], byte[]> pending = new TreeMap<>(LocalState.KEY_ORDER);
  private boolean open;

  LocalTransaction(ConcurrentNavigableMap<byte[], byte[]> committed) {
    this.committed = committed;
  }

  boolean isOpen() {
    return open;
  }

  void begin() {
    pending.clear();
    open = true;
  }

  @Override
  public void run(TransactionOperation operation) throws Exception {
    operation.run();
  }

  @Override
  public void commit() {
    for (Map.Entry<byte[], byte[]> write : pending.entrySet()) {
      if (write.getValue() == DELETED) {
        committed.remove(write.getKey());
      } else {
        committed.put(write.getKey(), write.getValue());
      }
    }
    pending.clear();
    open = false;
  }

  @Override
  public void rollback() {
    pending.clear();
    open = false;
  }

  /** The value of {@code key} as this transaction sees it, or null. */
  byte[] get(byte[] key) {
    byte[] written = pending.get(key);
    if (written != null) {
      return written == DELETED ? null : written;
    }
    return committed.get(key);
  }

  /** Keeps {@code value} for {@code key}; the arrays are the store's from now on. */
  void put(byte[] key, byte[] value) {
    pending.put(key, value);
  }

  void delete(byte[] key) {
    pending.put(key, DELETED);
  }

  /**
   * Visits, in key order, the entries whose keys start with {@code prefix}, beginning at {@code
   * from} (at or after the prefix), until the visitor answers false. The walk sees the store as it
   * was when the walk began: writes made while visiting are not visited. It costs the entries
   * visited, not the size of the store.
   */
  void walk(byte[] prefix, byte[] from, EntryVisitor visitor) {
    byte[] start = LocalState.KEY_ORDER.compare(from, prefix) < 0 ? prefix : from;
    Iterator<Map.Entry<byte[], byte[]>> saved =
        committed.tailMap(start, true).entrySet().iterator();
    Iterator<Map.Entry<byte[], byte[]>> written = pendingRange(prefix, start).iterator();
    Map.Entry<byte[], byte[]> a = next(saved, prefix);
    Map.Entry<byte[], byte[]> b = next(written, prefix);
    while (a != null || b != null) {
      byte[] key;
      byte[] value;
      int order =
          a == null ? 1 : b == null ? -1 : LocalState.KEY_ORDER.compare(a.getKey(), b.getKey());
      if (order < 0) {
        key = a.getKey();
        value = a.getValue();
        a = next(saved, prefix);
      } else {
        key = b.getKey();
        value = b.getValue();
        if (order == 0) {
          a = next(saved, prefix);
        }
        b = next(written, prefix);
      }
      if (value != DELETED && !visitor.visit(key, value)) {
        return;
      }
    }
  }

  /**
   * This transaction's writes in the prefix's range from {@code start}, copied: few, and stable.
   */
  private List<Map.Entry<byte[], byte[]>> pendingRange(byte[] prefix, byte[] start) {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<byte[], byte[]>> range = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> write : pending.tailMap(start, true).entrySet()) {
      if (!startsWith(write.getKey(), prefix)) {
        break;
      }
      range.add(Map.entry(write.getKey(), write.getValue()));
    }
    return range;
  }

  /** The next entry of the prefix's range, or null at its end. */
  private static Map.Entry<byte[], byte[]> next(
      Iterator<Map.Entry<byte[], byte[]>> entries, byte[] prefix) {
    if (!entries.hasNext()) {
      return null;
    }
    Map.Entry<byte[], byte[]> entry = entries.next();
    return startsWith(entry.getKey(), prefix) ? entry : null;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
