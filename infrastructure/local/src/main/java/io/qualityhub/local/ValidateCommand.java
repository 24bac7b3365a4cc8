package io.qualityhub.local;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.manifest.BranchManifest;
import io.qualityhub.core.manifest.ManifestCheck;
import io.qualityhub.core.manifest.ManifestParser;
import io.qualityhub.core.parse.RowReader;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.validate.FileScanner;
import io.qualityhub.core.validate.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./qualityhub validate FILE}: checks a branch file offline by exactly the rules intake
 * applies, so branch IT can test an export before going live. Exit status 0 when every row is
 * good, 1 when any row is rejected, 2 when the file would be refused as a whole, 3 when the
 * validator itself failed (one line says where its log is; never a stack trace on the terminal).
 * With {@code --manifest {branch}/{date}/manifest.json} the file is also held against that branch manifest, as
 * intake holds it: a manifest refused, or a file it does not name or disagrees with, is a refusal (2).
 */
final class ValidateCommand {

  static final String USAGE = "usage: qualityhub validate FILE [--type TYPE] [--branch BRANCH] [--manifest MANIFEST]";

  private static final Pattern FILE_NAME = Pattern.compile("([a-z]+)\\.(csv|jsonl)(\\.gz)?");
  private static final Pattern BRANCH = Pattern.compile("[A-Z0-9-]{2,16}");

  /** Opens the file to check; tests give one that fails the way disks and networks do. */
  interface FileOpener {
    InputStream open(Path file) throws IOException;
  }

  private final PrintStream out;
  private final FileOpener opener;

  ValidateCommand(PrintStream out) {
    this(out, Files::newInputStream);
  }

  ValidateCommand(PrintStream out, FileOpener opener) {
    this.out = out;
    this.opener = opener;
  }

  int run(List<String> args) throws IOException {
    Options options = Options.parse(args, Set.of("--type", "--branch", "--manifest"), Set.of(), USAGE);
    if (options.positional().size() != 1) {
      throw new UsageException(USAGE);
    }
    Path file = Path.of(options.positional().get(0));
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    String name = file.getFileName().toString();
    Matcher matcher = FILE_NAME.matcher(name);
    String typeName = options.value("--type").orElse(matcher.matches() ? matcher.group(1) : null);
    RecordType type = RecordType.fromWireName(typeName == null ? "" : typeName).orElseThrow(() -> new UsageException(
        "cannot tell the record type of " + name + "; name it {type}.csv or {type}.jsonl[.gz], or pass --type "
            + String.join("|", RecordType.wireNames())));
    FileFormat format = name.contains(".jsonl") ? FileFormat.JSON_LINES : FileFormat.CSV;
    boolean gzipped = name.endsWith(".gz");
    String branch = options.value("--branch").orElse(branchFromPath(file));
    Optional<Path> manifest = options.value("--manifest").map(Path::of);
    if (manifest.isPresent() && !Files.isRegularFile(manifest.get())) {
      throw new UsageException("no such manifest: " + manifest.get());
    }

    MessageDigest sha256 = sha256();
    try (InputStream raw = new DigestInputStream(opener.open(file), sha256);
         RowReader rows = UploadDecoder.formatVersion1().open(raw, type, format, gzipped)) {
      ScanResult result = new FileScanner(type, branch).scan(rows, (line, values) -> { },
          reject -> out.printf("%s:%d: %s: %s: %s%n", file, reject.line(),
              reject.column().isEmpty() ? "(row)" : reject.column(), reject.reason(), reject.message()));
      out.printf("%s: %s %s, %d rows: %d good, %d rejected%s%n", file, type.wireName(), format.extension(),
          result.rowsRead(), result.accepted(), result.rejected(),
          branch == null ? " (branch unknown: the row branch check was skipped; pass --branch)" : "");
      if (manifest.isPresent()) {
        raw.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole object, as intake's does
        Optional<FileRefusedException> refusal = againstManifest(manifest.get(), name, result.rowsRead(),
            HexFormat.of().formatHex(sha256.digest()));
        if (refusal.isPresent()) {
          out.printf("%s: refused: %s%n", file, refusal.get().describe());
          return 2;
        }
        out.printf("%s: agrees with %s%n", file, manifest.get());
      }
      return result.rejected() == 0 ? 0 : 1;
    } catch (FileRefusedException e) {
      out.printf("%s: refused: %s%n", file, e.describe());
      return 2;
    } catch (UsageException e) {
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      out.printf("%s: internal error of the validator (%s), not a problem of the file; details in %s%n", file,
          e.getClass().getSimpleName(), InternalErrorLog.write("validate", e));
      return 3;
    }
  }

  /**
   * Holds the file to the manifest as intake would, the manifest read as uploaded under the branch and date of its
   * path ({branch}/{date}/manifest.json). A manifest intake would refuse refuses the file here too.
   */
  private static Optional<FileRefusedException> againstManifest(Path manifestFile, String fileName, long rows,
      String sha256) throws IOException {
    Path absolute = manifestFile.toAbsolutePath();
    String place = absolute.getNameCount() < 3 ? "" : absolute.getName(absolute.getNameCount() - 3) + "/"
        + absolute.getName(absolute.getNameCount() - 2) + "/";
    try {
      ManifestKey key = ManifestKey.parse(UploadKey.INCOMING_PREFIX + place + absolute.getFileName());
      BranchManifest manifest = ManifestParser.parse(Files.readAllBytes(manifestFile), key);
      UploadKey upload;
      try {
        upload = UploadKey.parse(UploadKey.INCOMING_PREFIX + place + fileName);
      } catch (FileRefusedException e) {
        throw new UsageException("with --manifest, give the file its upload name ({type}.csv or {type}.jsonl[.gz]): "
            + e.getMessage());
      }
      return ManifestCheck.check(manifest, upload, rows, sha256);
    } catch (FileRefusedException e) {
      if (e.reason() == RefusalReason.INVALID_KEY) {
        throw new UsageException("lay the manifest out as {branch}/{YYYY-MM-DD}/manifest.json, as it is uploaded under"
            + " incoming/: " + e.getMessage());
      }
      return Optional.of(new FileRefusedException(e.reason(), "manifest " + manifestFile + ": " + e.getMessage()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The branch of a file laid out {branch}/{date}/{type}.ext, as under incoming/. */
  private static String branchFromPath(Path file) {
    Path absolute = file.toAbsolutePath();
    if (absolute.getNameCount() < 3) {
      return null;
    }
    String candidate = absolute.getName(absolute.getNameCount() - 3).toString();
    return BRANCH.matcher(candidate).matches() ? candidate : null;
  }
}
