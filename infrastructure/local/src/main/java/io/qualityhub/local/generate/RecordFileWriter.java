package io.qualityhub.local.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one upload file row by row, never holding more than a claim's few state rows, and makes the
 * requested share of rows bad, each with one defect, spread over the defects the file can carry.
 */
final class RecordFileWriter {

    private final String key;
    private final RecordSource source;
    private final RowFormat format;
    private final DefectInjector injector;
    private final SplittableRandom random;
    private final double badRowShare;

    RecordFileWriter(String key, RecordSource source, RowFormat format, String otherBranch, double badRowShare,
                     SplittableRandom random) {
        this.key = key;
        this.source = source;
        this.format = format;
        this.random = random;
        this.badRowShare = badRowShare;
        this.injector = new DefectInjector(source, format instanceof RowFormat.Jsonl, otherBranch, random.split());
    }

    RowCounts write(Writer out, long rows, BadRowListener listener) throws IOException {
        String preamble = format.preamble(source.schema());
        out.write(preamble);
        long line = 1 + newlines(preamble);
        Map<Defect, Long> badByDefect = new EnumMap<>(Defect.class);
        List<Defect> candidates = injector.candidates();
        boolean oversizedWritten = false;
        Row lastGood = null;
        StringBuilder text = new StringBuilder(1024);
        for (long i = 0; i < rows; i++) {
            Damaged damaged = random.nextDouble() < badRowShare ? damagedRow(candidates, lastGood, !oversizedWritten) : null;
            Row row;
            if (damaged == null) {
                row = source.next();
                lastGood = row;
            } else {
                row = damaged.row();
            }
            text.setLength(0);
            format.render(row, text);
            out.append(text);
            if (damaged != null) {
                oversizedWritten |= damaged.defect() == Defect.ROW_TOO_LARGE;
                badByDefect.merge(damaged.defect(), 1L, Long::sum);
                listener.badRow(key, line, damaged.column(), damaged.defect().reasonCode());
            }
            line += newlines(text);
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        badByDefect.forEach((d, n) -> byReason.put(d.reasonCode(), n));
        return new RowCounts(rows, badByDefect.values().stream().mapToLong(Long::longValue).sum(), byReason);
    }

    private record Damaged(Row row, Defect defect, String column) {
    }

    /**
     * Tries the defects in a random order until one fits, so that bad rows spread evenly over the defects
     * this row can carry. A duplicate repeats the last good row; one oversized row per file is enough
     * (each is over 64 KiB).
     */
    private Damaged damagedRow(List<Defect> candidates, Row lastGood, boolean oversizedAllowed) {
        Defect[] order = candidates.toArray(Defect[]::new);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Defect swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Row row = null;
        for (Defect defect : order) {
            if (defect == Defect.DUPLICATE_ID) {
                if (lastGood != null) {
                    return new Damaged(lastGood.copy(), defect, source.schema().idColumn());
                }
                continue;
            }
            if (defect == Defect.ROW_TOO_LARGE && !oversizedAllowed) {
                continue;
            }
            if (row == null) {
                row = source.next();
            }
            // A defect that does not fit leaves the row valid, and the next one is tried on it.
            String column = injector.inject(defect, row);
            if (column != null) {
                return new Damaged(row, defect, column);
            }
        }
        throw new IllegalStateException("no defect fits a " + source.schema().type() + " row");
    }

    private static long newlines(CharSequence text) {
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
