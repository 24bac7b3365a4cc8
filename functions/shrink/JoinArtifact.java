import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a function's artifact back together after ProGuard (decision 0025): the shaded jar's entries that
 * {@code SplitArtifact} kept whole, then ProGuard's output, each entry copied as its jar holds it, compressed bytes and
 * headers. Both jars are compressed already; a zip task would inflate and deflate every entry again (2.1 s of CPU for
 * intake's 15.7 MB).
 *
 * <p>{@code java JoinArtifact ARTIFACT.jar SHADED.jar KEPT-PART.jar SHRUNK.jar}: ARTIFACT gets the entries of SHADED
 * that KEPT-PART names, in SHADED's order, then every entry of SHRUNK. A name both parts hold, or one KEPT-PART names
 * and SHADED lacks, is refused. Jars of more than 65,535 entries or 4 GiB (zip64) are refused too; no artifact is near.
 */
public final class JoinArtifact {

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int DATA_DESCRIPTOR = 0x08074b50;
  private static final int FLAG_DATA_DESCRIPTOR = 0x08;
  private static final int END_OF_CENTRAL_DIRECTORY_SIZE = 22;
  private static final int MAX_COMMENT = 0xffff;

  /** An entry of a jar: its central directory record and where its local record (header, data, descriptor) lies. */
  private record Entry(String name, byte[] centralRecord, long localStart, long localEnd) {}

  private JoinArtifact() {}

  public static void main(String[] args) throws IOException {
    Path artifact = Path.of(args[0]);
    Path shaded = Path.of(args[1]);
    Path shrunk = Path.of(args[3]);
    Set<String> keptWhole = new HashSet<>();
    try (FileChannel keptPart = FileChannel.open(Path.of(args[2]))) {
      entriesOf(keptPart, Path.of(args[2])).forEach(entry -> keptWhole.add(entry.name()));
    }
    try (FileChannel kept = FileChannel.open(shaded);
         FileChannel shrunkPart = FileChannel.open(shrunk);
         OutputStream out = Files.newOutputStream(artifact, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
             StandardOpenOption.WRITE)) {
      List<Entry> fromShaded = entriesOf(kept, shaded).stream().filter(entry -> keptWhole.contains(entry.name())).toList();
      if (fromShaded.size() != keptWhole.size()) {
        Set<String> missing = new HashSet<>(keptWhole);
        fromShaded.forEach(entry -> missing.remove(entry.name()));
        throw new IllegalArgumentException(shaded + " lacks entries the kept part names: " + missing);
      }
      List<Entry> fromShrunk = entriesOf(shrunkPart, shrunk);
      for (Entry entry : fromShrunk) {
        if (keptWhole.contains(entry.name())) {
          throw new IllegalArgumentException(entry.name() + " is in both the kept part and " + shrunk);
        }
      }
      Joined joined = new Joined(out);
      joined.copy(fromShaded, kept);
      joined.copy(fromShrunk, shrunkPart);
      joined.finish();
    }
  }

  /** The output jar as it is written: local records first, then the central directory. */
  private static final class Joined {
    private final OutputStream out;
    private final WritableByteChannel channel;
    private final ByteArrayOutputStream centralDirectory = new ByteArrayOutputStream();
    private long written;
    private int entries;

    Joined(OutputStream out) {
      this.out = out;
      this.channel = Channels.newChannel(out);
    }

    void copy(List<Entry> from, FileChannel jar) throws IOException {
      for (Entry entry : from) {
        byte[] central = entry.centralRecord().clone();
        ByteBuffer.wrap(central).order(ByteOrder.LITTLE_ENDIAN).putInt(42, Math.toIntExact(written));
        centralDirectory.write(central);
        for (long at = entry.localStart(); at < entry.localEnd(); ) {
          at += jar.transferTo(at, entry.localEnd() - at, channel);
        }
        written += entry.localEnd() - entry.localStart();
        entries++;
      }
    }

    void finish() throws IOException {
      if (entries > 0xffff || written > 0xffffffffL) {
        throw new IllegalStateException("the artifact needs zip64 (" + entries + " entries, " + written + " bytes)");
      }
      ByteBuffer end = ByteBuffer.allocate(END_OF_CENTRAL_DIRECTORY_SIZE).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0)
          .putShort((short) entries).putShort((short) entries)
          .putInt(centralDirectory.size()).putInt((int) written).putShort((short) 0);
      centralDirectory.writeTo(out);
      out.write(end.array());
    }
  }

  private static List<Entry> entriesOf(FileChannel jar, Path path) throws IOException {
    ByteBuffer end = endOfCentralDirectory(jar, path);
    int count = Short.toUnsignedInt(end.getShort(10));
    long size = Integer.toUnsignedLong(end.getInt(12));
    long offset = Integer.toUnsignedLong(end.getInt(16));
    if (count == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
      throw new IllegalArgumentException(path + " is a zip64 jar, which JoinArtifact does not read");
    }
    ByteBuffer central = read(jar, offset, (int) size);
    List<Entry> entries = new ArrayList<>(count);
    for (int at = 0, index = 0; index < count; index++) {
      if (central.getInt(at) != CENTRAL_HEADER) {
        throw new IllegalArgumentException(path + ": no central directory record at " + (offset + at));
      }
      int flags = Short.toUnsignedInt(central.getShort(at + 8));
      long compressedSize = Integer.toUnsignedLong(central.getInt(at + 20));
      int nameLength = Short.toUnsignedInt(central.getShort(at + 28));
      int recordLength = 46 + nameLength + Short.toUnsignedInt(central.getShort(at + 30))
          + Short.toUnsignedInt(central.getShort(at + 32));
      long localStart = Integer.toUnsignedLong(central.getInt(at + 42));
      byte[] record = new byte[recordLength];
      central.get(at, record);
      String name = new String(record, 46, nameLength, StandardCharsets.UTF_8);
      entries.add(new Entry(name, record, localStart, localEnd(jar, path, name, localStart, compressedSize, flags)));
      at += recordLength;
    }
    return entries;
  }

  /** Where an entry's local record ends: after its header, its compressed data and its data descriptor, if any. */
  private static long localEnd(FileChannel jar, Path path, String name, long start, long compressedSize, int flags)
      throws IOException {
    ByteBuffer header = read(jar, start, 30);
    if (header.getInt(0) != LOCAL_HEADER) {
      throw new IllegalArgumentException(path + ": no local header for " + name + " at " + start);
    }
    long dataEnd = start + 30 + Short.toUnsignedInt(header.getShort(26)) + Short.toUnsignedInt(header.getShort(28))
        + compressedSize;
    if ((flags & FLAG_DATA_DESCRIPTOR) == 0) {
      return dataEnd;
    }
    return dataEnd + (read(jar, dataEnd, 4).getInt(0) == DATA_DESCRIPTOR ? 16 : 12);
  }

  private static ByteBuffer endOfCentralDirectory(FileChannel jar, Path path) throws IOException {
    long size = jar.size();
    int tail = (int) Math.min(size, END_OF_CENTRAL_DIRECTORY_SIZE + MAX_COMMENT);
    ByteBuffer buffer = read(jar, size - tail, tail);
    for (int at = tail - END_OF_CENTRAL_DIRECTORY_SIZE; at >= 0; at--) {
      if (buffer.getInt(at) == END_OF_CENTRAL_DIRECTORY) {
        return buffer.slice(at, END_OF_CENTRAL_DIRECTORY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    throw new IllegalArgumentException(path + " is not a jar: no end of central directory");
  }

  private static ByteBuffer read(FileChannel jar, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (jar.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of jar at " + (position + buffer.position()));
      }
    }
    return buffer.flip();
  }
}
