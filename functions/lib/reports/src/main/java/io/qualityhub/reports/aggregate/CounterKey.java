package io.qualityhub.reports.aggregate;

import java.util.Objects;

/** A counter and its dimension value; the dimension is empty for counters without one. */
public record CounterKey(Counter counter, String dimension) implements Comparable<CounterKey> {

    public CounterKey {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(dimension, "dimension");
    }

    public static CounterKey of(Counter counter) {
        return new CounterKey(counter, "");
    }

    public static CounterKey of(Counter counter, String dimension) {
        return new CounterKey(counter, dimension);
    }

    @Override
    public int compareTo(CounterKey other) {
        int byCounter = counter.compareTo(other.counter);
        return byCounter != 0 ? byCounter : dimension.compareTo(other.dimension);
    }
}
