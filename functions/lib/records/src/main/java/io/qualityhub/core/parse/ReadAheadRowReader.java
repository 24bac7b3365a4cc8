package io.qualityhub.core.parse;

import io.qualityhub.core.format.FileRefusedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a file's rows (decoding, gunzipping, parsing, and whatever its stream does, a digest say) on another thread,
 * a few chunks ahead of the caller, so that on two cores the caller's work on one row overlaps the reading of the next
 * (issue 16 item 2). The caller sees exactly what the wrapped reader gives, in order: the same rows, then the same end,
 * or the same exception where the wrapped reader threw it. Held at once: at most {@value #CHUNKS_AHEAD} chunks of
 * {@value #CHUNK_ROWS} rows or {@value #CHUNK_CHARS} characters of values, so memory stays flat in the file's size.
 */
final class ReadAheadRowReader implements RowReader {

  static final int CHUNK_ROWS = 256;
  static final int CHUNK_CHARS = 256 * 1024;
  static final int CHUNKS_AHEAD = 4;
  /** Names the reading threads, so a benchmark can count their CPU time with the caller's. */
  static final String THREAD_NAME_PREFIX = "row-reader-";

  /**
   * Kept for the process's life once started (a benchmark counts their CPU, which an ended thread takes with it), and
   * as many as readers are open at once: a reader never waits for another's thread.
   */
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService READERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.DAYS,
      new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, THREAD_NAME_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  private final RowReader rows;
  private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final CountDownLatch readerDone = new CountDownLatch(1);
  private volatile boolean closing;
  private Iterator<ParsedRow> current = List.<ParsedRow>of().iterator();
  private Chunk last;

  ReadAheadRowReader(RowReader rows) {
    this.rows = rows;
    READERS.execute(this::readAhead);
  }

  private void readAhead() {
    try {
      List<ParsedRow> chunk = new ArrayList<>(CHUNK_ROWS);
      long chars = 0;
      Throwable failure = null;
      boolean ended = false;
      while (!closing && !ended) {
        try {
          ParsedRow row = rows.next();
          if (row == null) {
            ended = true;
          } else {
            chunk.add(row);
            chars += chars(row);
          }
        } catch (IOException | FileRefusedException | RuntimeException | Error e) {
          failure = e;
          ended = true;
        }
        if (ended || chunk.size() == CHUNK_ROWS || chars >= CHUNK_CHARS) {
          if (!hand(new Chunk(chunk, ended, failure))) {
            return;
          }
          chunk = new ArrayList<>(CHUNK_ROWS);
          chars = 0;
        }
      }
    } finally {
      readerDone.countDown();
    }
  }

  /** Waits for room, unless the caller closes meanwhile; returns whether the chunk was handed over. */
  private boolean hand(Chunk chunk) {
    try {
      while (!closing) {
        if (chunks.offer(chunk, 10, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long chars(ParsedRow row) {
    long chars = 0;
    if (row.values() != null) {
      for (String value : row.values()) {
        chars += value == null ? 0 : value.length();
      }
    }
    return chars;
  }

  @Override
  public ParsedRow next() throws IOException, FileRefusedException {
    while (!current.hasNext()) {
      if (last != null && last.ended()) {
        return endOf(last);
      }
      try {
        last = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next rows");
      }
      current = last.rows().iterator();
    }
    return current.next();
  }

  private static ParsedRow endOf(Chunk chunk) throws IOException, FileRefusedException {
    Throwable failure = chunk.failure();
    if (failure == null) {
      return null;
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof FileRefusedException refused) {
      throw refused;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (Error) failure;
  }

  /** Stops the reading thread (it finishes the row in hand), then closes the wrapped reader. */
  @Override
  public void close() throws IOException {
    closing = true;
    chunks.clear();
    try {
      readerDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while stopping the reading thread");
    } finally {
      rows.close();
    }
  }

  private record Chunk(List<ParsedRow> rows, boolean ended, Throwable failure) {}
}
