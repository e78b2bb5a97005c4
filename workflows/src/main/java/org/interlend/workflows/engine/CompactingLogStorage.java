package org.interlend.workflows.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The local engine's log, in memory, keeping only what is still to be read.
 *
 * <p>The engine appends blocks of records; its stream processor and Interlend's projection read
 * them. Once both have passed a block, nothing reads it again (the engine's state lives in its
 * database, not in the log), so {@link #compactBelow} drops it. Memory then follows the records in
 * flight, not every record since start, which is what the test engine's own list storage keeps.
 *
 * <p>Safe for one appender and any number of readers on other threads: blocks live in a concurrent
 * sorted map keyed by their lowest position, and a reader remembers only the position it wants
 * next.
 */
final class CompactingLogStorage implements LogStorage {

  private record Block(long lowest, long highest, ByteBuffer data) {}

  private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
  private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong retainedBytes = new AtomicLong();
  private final AtomicLong appendedBlocks = new AtomicLong();
  private final AtomicLong appendedBytes = new AtomicLong();
  private volatile long highestPosition = -1;

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
    ByteBuffer buffer = ByteBuffer.allocate(writer.getLength());
    writer.write(new UnsafeBuffer(buffer), 0);
    append(lowestPosition, highestPosition, buffer, listener);
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, ByteBuffer block, AppendListener listener) {
    blocks.put(lowestPosition, new Block(lowestPosition, highestPosition, block));
    this.highestPosition = highestPosition;
    retainedBytes.addAndGet(block.capacity());
    appendedBytes.addAndGet(block.capacity());
    long index = appendedBlocks.incrementAndGet();
    listener.onWrite(index, highestPosition);
    listener.onCommit(index, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  /** Drops every block whose records all lie below {@code position}. */
  void compactBelow(long position) {
    ConcurrentNavigableMap<Long, Block> head = blocks.headMap(position, false);
    for (Map.Entry<Long, Block> entry : head.entrySet()) {
      Block block = entry.getValue();
      if (block.highest() < position && blocks.remove(entry.getKey(), block)) {
        retainedBytes.addAndGet(-block.data().capacity());
      }
    }
  }

  /** The position of the last record appended, -1 before the first. */
  long highestPosition() {
    return highestPosition;
  }

  long retainedBlocks() {
    return blocks.size();
  }

  long retainedBytes() {
    return retainedBytes.get();
  }

  long appendedBlocks() {
    return appendedBlocks.get();
  }

  long appendedBytes() {
    return appendedBytes.get();
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  /** Reads blocks in position order; a block dropped before it was read is skipped over. */
  private final class Reader implements LogStorageReader {

    /** The lowest position of the next block to return. */
    private long next = Long.MIN_VALUE;

    @Override
    public void seek(long position) {
      Map.Entry<Long, Block> floor = blocks.floorEntry(position);
      next = floor == null ? Long.MIN_VALUE : floor.getKey();
    }

    @Override
    public boolean hasNext() {
      return blocks.ceilingKey(next) != null;
    }

    @Override
    public DirectBuffer next() {
      Map.Entry<Long, Block> entry = blocks.ceilingEntry(next);
      if (entry == null) {
        throw new NoSuchElementException();
      }
      Block block = entry.getValue();
      next = block.highest() + 1;
      return new UnsafeBuffer(block.data());
    }

    @Override
    public void close() {}
  }
}
