package org.interlend.workflows.engine.state;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import java.nio.ByteOrder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One column family of the local state. A key is stored as the family's number (8 bytes, big
 * endian) followed by the key's own bytes, so each family is one contiguous range of the store and
 * a key prefix is a range within it. Reads wrap the family's key and value instances over the
 * stored bytes, which are never changed once stored; {@link #get(DbKey, Supplier)} wraps a new
 * value instead.
 */
final class LocalColumnFamily<K extends DbKey, V extends DbValue> implements ColumnFamily<K, V> {

  /** The empty key: as a prefix, the whole family. */
  static final DbKey NO_KEY =
      new DbKey() {
        @Override
        public void wrap(DirectBuffer buffer, int offset, int length) {}

        @Override
        public int getLength() {
          return 0;
        }

        @Override
        public int write(MutableDirectBuffer buffer, int offset) {
          return 0;
        }
      };

  private final long family;
  private final String familyName;
  private final ColumnFamilyScope scope;
  private final LocalTransactionContext context;
  private final K keyInstance;
  private final V valueInstance;

  LocalColumnFamily(
      Enum<?> family,
      long number,
      ColumnFamilyScope scope,
      LocalTransactionContext context,
      K keyInstance,
      V valueInstance) {
    this.family = number;
    this.familyName = family.name();
    this.scope = scope;
    this.context = context;
    this.keyInstance = keyInstance;
    this.valueInstance = valueInstance;
  }

  @Override
  public void insert(K key, V value) {
    write(key, Expect.ABSENT, value);
  }

  @Override
  public void update(K key, V value) {
    write(key, Expect.PRESENT, value);
  }

  @Override
  public void upsert(K key, V value) {
    write(key, Expect.ANY, value);
  }

  @Override
  public V get(K key) {
    byte[] value = read(key);
    if (value == null) {
      return null;
    }
    valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
    return valueInstance;
  }

  @Override
  public V get(K key, Supplier<V> newValue) {
    byte[] value = read(key);
    if (value == null) {
      return null;
    }
    V instance = newValue.get();
    instance.wrap(new UnsafeBuffer(value), 0, value.length);
    return instance;
  }

  @Override
  public void forEach(Consumer<V> consumer) {
    walk(NO_KEY, null, (k, v) -> consumer.accept(v), null);
  }

  @Override
  public void forEach(BiConsumer<K, V> consumer) {
    walk(NO_KEY, null, consumer, null);
  }

  @Override
  public void whileTrue(K startAt, KeyValuePairVisitor<K, V> visitor) {
    walk(NO_KEY, startAt, null, visitor);
  }

  @Override
  public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
    walk(NO_KEY, null, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, BiConsumer<K, V> consumer) {
    walk(prefix, null, consumer, null);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
    walk(prefix, null, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey prefix, K startAt, KeyValuePairVisitor<K, V> visitor) {
    walk(prefix, startAt, null, visitor);
  }

  @Override
  public void deleteExisting(K key) {
    write(key, Expect.PRESENT, null);
  }

  @Override
  public void deleteIfExists(K key) {
    write(key, Expect.ANY, null);
  }

  @Override
  public boolean exists(K key) {
    return read(key) != null;
  }

  @Override
  public boolean isEmpty() {
    boolean[] empty = {true};
    walk(
        NO_KEY,
        null,
        null,
        (k, v) -> {
          empty[0] = false;
          return false;
        });
    return empty[0];
  }

  @Override
  public long count() {
    return countEqualPrefix(NO_KEY);
  }

  @Override
  public long countEqualPrefix(DbKey prefix) {
    byte[] start = keyBytes(prefix);
    long[] count = {0};
    inTransaction(
        t -> {
          t.walk(
              start,
              start,
              (k, v) -> {
                count[0]++;
                return true;
              });
          return null;
        });
    return count[0];
  }

  @Override
  public ColumnFamilyScope partitionScope() {
    return scope;
  }

  /** Whether a write needs its key to be there, or not to be, or does not care. */
  private enum Expect {
    ANY,
    PRESENT,
    ABSENT
  }

  /**
   * Writes {@code value} under {@code key}, or deletes the key when the value is null, after
   * checking the key's presence as {@code expect} says (Zeebe's insert, update and delete
   * contract).
   */
  private void write(K key, Expect expect, V value) {
    byte[] stored = keyBytes(key);
    byte[] bytes = value == null ? null : valueBytes(value);
    inTransaction(
        t -> {
          if (expect != Expect.ANY) {
            boolean present = t.get(stored) != null;
            if (present != (expect == Expect.PRESENT)) {
              throw new ZeebeDbInconsistentException(
                  "key "
                      + key
                      + (present ? " already exists" : " does not exist")
                      + " in column family "
                      + familyName);
            }
          }
          if (bytes == null) {
            t.delete(stored);
          } else {
            t.put(stored, bytes);
          }
          return null;
        });
  }

  private byte[] read(K key) {
    byte[] stored = keyBytes(key);
    return inTransaction(t -> t.get(stored));
  }

  /**
   * Walks the entries under {@code prefix} from {@code startAt} (or the prefix's start), giving
   * each to {@code consumer} or to {@code visitor} (until it answers false).
   */
  private void walk(
      DbKey prefix, K startAt, BiConsumer<K, V> consumer, KeyValuePairVisitor<K, V> visitor) {
    byte[] range = keyBytes(prefix);
    byte[] from = startAt == null ? range : keyBytes(startAt);
    inTransaction(
        t -> {
          t.walk(
              range,
              from,
              (key, value) -> {
                keyInstance.wrap(new UnsafeBuffer(key), Long.BYTES, key.length - Long.BYTES);
                valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
                if (consumer != null) {
                  consumer.accept(keyInstance, valueInstance);
                  return true;
                }
                return visitor.visit(keyInstance, valueInstance);
              });
          return null;
        });
  }

  private <R> R inTransaction(Function<LocalTransaction, R> work) {
    Object[] result = {null};
    context.runInTransaction(() -> result[0] = work.apply(context.open()));
    @SuppressWarnings("unchecked")
    R r = (R) result[0];
    return r;
  }

  private byte[] keyBytes(DbKey key) {
    byte[] bytes = new byte[Long.BYTES + key.getLength()];
    UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    buffer.putLong(0, family, ByteOrder.BIG_ENDIAN);
    key.write(buffer, Long.BYTES);
    return bytes;
  }

  private static byte[] valueBytes(DbValue value) {
    byte[] bytes = new byte[value.getLength()];
    value.write(new UnsafeBuffer(bytes), 0);
    return bytes;
  }
}
