package org.interlend.workflows.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The local engine's state store keeps Zeebe's key-value contract. */
class LocalStateTest {

  private final LocalState<ZbColumnFamilies> state = new LocalState<>();
  private final TransactionContext context = state.createContext();

  private final DbLong first = new DbLong();
  private final DbLong second = new DbLong();
  private final DbCompositeKey<DbLong, DbLong> pair = new DbCompositeKey<>(first, second);
  private final DbLong value = new DbLong();
  private final ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong> pairs =
      state.createColumnFamily(ZbColumnFamilies.VARIABLES, context, pair, value);

  private final DbLong single = new DbLong();
  private final ColumnFamily<DbLong, DbLong> singles =
      state.createColumnFamily(ZbColumnFamilies.JOBS, context, single, new DbLong());

  private void put(long a, long b, long v) {
    first.wrapLong(a);
    second.wrapLong(b);
    value.wrapLong(v);
    pairs.upsert(pair, value);
  }

  private List<String> prefixed(long a) {
    DbLong prefix = new DbLong();
    prefix.wrapLong(a);
    List<String> seen = new ArrayList<>();
    pairs.whileEqualPrefix(
        prefix,
        (k, v) -> {
          seen.add(k.first().getValue() + "/" + k.second().getValue() + "=" + v.getValue());
        });
    return seen;
  }

  @Test
  void insertUpdateAndDeleteKeepTheirPreconditions() {
    single.wrapLong(1);
    DbLong v = new DbLong();
    v.wrapLong(10);
    singles.insert(single, v);
    assertThat(singles.get(single).getValue()).isEqualTo(10);
    assertThatThrownBy(() -> singles.insert(single, v))
        .isInstanceOf(ZeebeDbInconsistentException.class)
        .hasMessageContaining("already exists");

    v.wrapLong(11);
    singles.update(single, v);
    assertThat(singles.get(single, DbLong::new).getValue()).isEqualTo(11);

    single.wrapLong(2);
    assertThatThrownBy(() -> singles.update(single, v))
        .isInstanceOf(ZeebeDbInconsistentException.class);
    assertThatThrownBy(() -> singles.deleteExisting(single))
        .isInstanceOf(ZeebeDbInconsistentException.class);
    assertThat(singles.exists(single)).isFalse();
    assertThat(singles.get(single)).isNull();
    singles.deleteIfExists(single); // nothing to delete: no error

    single.wrapLong(1);
    singles.deleteExisting(single);
    assertThat(singles.exists(single)).isFalse();
    assertThat(singles.isEmpty()).isTrue();
    assertThat(state.entries()).isZero();
  }

  @Test
  void aPrefixWalkVisitsItsRangeInOrderAndNothingElse() {
    put(2, 3, 23);
    put(1, 1, 11);
    put(2, 1, 21);
    put(3, 1, 31);
    put(2, 2, 22);
    single.wrapLong(2);
    singles.upsert(single, value); // another family, same key bytes as the prefix

    assertThat(prefixed(2)).containsExactly("2/1=21", "2/2=22", "2/3=23");
    assertThat(prefixed(4)).isEmpty();
    DbLong prefix = new DbLong();
    prefix.wrapLong(2);
    assertThat(pairs.countEqualPrefix(prefix)).isEqualTo(3);
    assertThat(pairs.count()).isEqualTo(5);
    assertThat(singles.count()).isEqualTo(1);

    // from a start key within the prefix, until the visitor says stop
    first.wrapLong(2);
    second.wrapLong(2);
    List<Long> seen = new ArrayList<>();
    pairs.whileEqualPrefix(
        prefix,
        pair,
        (k, v) -> {
          seen.add(v.getValue());
          return v.getValue() < 23;
        });
    assertThat(seen).containsExactly(22L, 23L);

    // whileTrue walks the family from a key to its end, not into the next family
    List<Long> rest = new ArrayList<>();
    first.wrapLong(2);
    second.wrapLong(3);
    pairs.whileTrue(pair, (k, v) -> rest.add(v.getValue()));
    assertThat(rest).containsExactly(23L, 31L);
  }

  @Test
  void aTransactionReadsItsOwnWritesAndOthersSeeThemOnlyAfterCommit() throws Exception {
    put(1, 1, 11);
    TransactionContext other = state.createContext();
    ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong> otherPairs =
        state.createColumnFamily(
            ZbColumnFamilies.VARIABLES,
            other,
            new DbCompositeKey<>(new DbLong(), new DbLong()),
            new DbLong());

    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    transaction.run(
        () -> {
          put(1, 2, 12);
          first.wrapLong(1);
          second.wrapLong(1);
          pairs.deleteExisting(pair);
          assertThat(prefixed(1)).containsExactly("1/2=12");
          assertThat(otherPairs.count()).isEqualTo(1); // the other context: committed only
        });
    transaction.rollback();
    assertThat(prefixed(1)).containsExactly("1/1=11");

    transaction = context.getCurrentTransaction();
    transaction.run(() -> put(1, 3, 13));
    transaction.commit();
    assertThat(otherPairs.count()).isEqualTo(2);
    assertThat(prefixed(1)).containsExactly("1/1=11", "1/3=13");
  }

  @Test
  void changesWhileWalkingAreNotVisitedByThatWalk() {
    for (int i = 1; i <= 5; i++) {
      put(7, i, 70 + i);
    }
    DbLong prefix = new DbLong();
    prefix.wrapLong(7);
    List<Long> visited = new ArrayList<>();
    context.runInTransaction(
        () ->
            pairs.whileEqualPrefix(
                prefix,
                (k, v) -> {
                  visited.add(v.getValue());
                  // as the engine does when it removes an element's counters while walking them
                  pairs.deleteExisting(k);
                  DbCompositeKey<DbLong, DbLong> added =
                      new DbCompositeKey<>(new DbLong(), new DbLong());
                  added.first().wrapLong(7);
                  added.second().wrapLong(100 + k.second().getValue());
                  DbLong nv = new DbLong();
                  nv.wrapLong(0);
                  pairs.upsert(added, nv);
                }));
    assertThat(visited).containsExactly(71L, 72L, 73L, 74L, 75L);
    assertThat(prefixed(7)).containsExactly("7/101=0", "7/102=0", "7/103=0", "7/104=0", "7/105=0");
  }

  @Test
  void aFailedOperationRollsBackWhatItWrote() {
    assertThatThrownBy(
            () ->
                context.runInTransaction(
                    () -> {
                      put(5, 1, 51);
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(pairs.isEmpty()).isTrue();
    assertThat(state.isEmpty(ZbColumnFamilies.VARIABLES, context)).isTrue();
  }

  @Test
  void readersOnOtherThreadsNeverFailWhileCommitsRun() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              TransactionContext own = state.createContext();
              ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong> view =
                  state.createColumnFamily(
                      ZbColumnFamilies.VARIABLES,
                      own,
                      new DbCompositeKey<>(new DbLong(), new DbLong()),
                      new DbLong());
              try {
                while (!done.get()) {
                  view.count();
                  view.forEach((k, v) -> {});
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    for (int round = 0; round < 200; round++) {
      int r = round;
      context.runInTransaction(
          () -> {
            for (int i = 0; i < 50; i++) {
              put(r % 4, i, i);
            }
          });
      if (round % 3 == 0) {
        DbLong prefix = new DbLong();
        prefix.wrapLong(r % 4);
        context.runInTransaction(
            () ->
                pairs.whileEqualPrefix(
                    prefix,
                    (k, v) -> {
                      pairs.deleteExisting(k);
                    }));
      }
    }
    done.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
  }
}
