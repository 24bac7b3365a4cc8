package io.qualityhub.local.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a run really holds: after every collection, the sum of the heap pools' collection usage (each pool as
 * its own last collection left it), and its peak. Unlike the pools' peak usage it does not count garbage waiting
 * for a collection, so it depends neither on {@code -Xmx} nor on when the collector happens to run. Also kept: the
 * whole heap right after any collection, which counts what a young collection promoted but has not yet freed.
 */
final class HeapAfterCollections implements AutoCloseable {

  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
  private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final AtomicLong peakCollectionUsage = new AtomicLong();
  private final AtomicLong peakAfterAnyCollection = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final NotificationListener listener = this::collected;

  /** Starts counting after a full collection, so the peaks start from what is live now. */
  HeapAfterCollections() {
    System.gc();
    peakCollectionUsage.set(collectionUsage());
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    collections.incrementAndGet();
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPoolNames.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
    peakAfterAnyCollection.accumulateAndGet(after, Math::max);
    peakCollectionUsage.accumulateAndGet(collectionUsage(), Math::max);
  }

  private long collectionUsage() {
    return heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(usage -> usage != null)
        .mapToLong(MemoryUsage::getUsed).sum();
  }

  long peakCollectionUsageBytes() {
    return peakCollectionUsage.get();
  }

  long peakAfterAnyCollectionBytes() {
    return peakAfterAnyCollection.get();
  }

  long collections() {
    return collections.get();
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        throw new IllegalStateException("the collector lost the benchmark's listener", e);
      }
    }
  }
}
