package io.qualityhub.intake;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.DataKeySource;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.KeyRefusedException;
import io.qualityhub.core.crypto.RecordKeyContext;
import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.manifest.BranchManifest;
import io.qualityhub.core.manifest.ManifestCheck;
import io.qualityhub.core.manifest.ManifestParser;
import io.qualityhub.core.parse.UploadDecoder;
import io.qualityhub.core.store.BatchItemWriter;
import io.qualityhub.core.store.RecordItemMapper;
import io.qualityhub.core.validate.AcceptedRows;
import io.qualityhub.core.validate.FileScanner;
import io.qualityhub.core.validate.IdIndex;
import io.qualityhub.core.validate.Reject;
import io.qualityhub.core.validate.RowSink;
import io.qualityhub.core.validate.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one uploaded object from key to stored rows.
 *
 * <ol>
 *   <li>Pin the object version, so every pass reads the same bytes.
 *   <li>Pass 1 validates the whole file and hashes it; a refusal stores nothing.
 *   <li>Pass 2 writes the good rows under the version's own generation, invisible to readers.
 *   <li>One conditional write makes that generation current, unless a newer upload already is.
 *   <li>The replaced generation's rows are withdrawn; claims and complaints move their latest state.
 * </ol>
 *
 * A branch manifest ({@code incoming/{branch}/{date}/manifest.json}) holds the day's files to control totals:
 * a file that disagrees with the manifest in force is refused before anything is stored, and a file already
 * stored when its manifest arrives (or that raced it) is withdrawn and refused.
 *
 * Every step can be repeated: a redelivered or retried message rewrites the same items, so each row
 * is stored once.
 */
public final class IntakeService {

  static final int REJECTS_KEPT_IN_MEMORY = 1000;
  /** Attempts at one object version before the file is refused as unprocessable. */
  static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  private final UploadObjects uploads;
  private final IntakeLedger ledger;
  private final DataKeySource dataKeys;
  private final String dataKeyArn;
  private final Supplier<BlindIndex> blindIndex;
  private final UploadDecoder decoder;
  private final AcceptedRows acceptedRows;
  private final FileEvents events;
  private final ManifestLedger manifests;
  private final Predicate<Throwable> passingFailure;
  private final Clock clock;
  private final int rowWritesInFlight;

  /**
   * @param passingFailure tells a failure of the platform that passes with time (throttling, a server error, a broken
   *     connection) from one that may be the file's, which counts toward giving the file up
   * @param rowWritesInFlight BatchWriteItem requests of a file's rows sent at once (1: one after the other)
   */
  IntakeService(UploadObjects uploads, IntakeLedger ledger, DataKeySource dataKeys,
      String dataKeyArn, Supplier<BlindIndex> blindIndex, UploadDecoder decoder, FileEvents events,
      ManifestLedger manifests, Predicate<Throwable> passingFailure, Clock clock, int rowWritesInFlight) {
    this.rowWritesInFlight = rowWritesInFlight;
    this.events = events;
    this.manifests = manifests;
    this.passingFailure = passingFailure;
    this.uploads = uploads;
    this.ledger = ledger;
    this.dataKeys = dataKeys;
    this.dataKeyArn = dataKeyArn;
    this.blindIndex = blindIndex;
    this.decoder = decoder;
    this.acceptedRows = new AcceptedRows(decoder);
    this.clock = clock;
  }

  public FileOutcome process(S3ObjectRef object) throws IOException {
    return process(object, InvocationBudget.UNLIMITED);
  }

  /**
   * Processes the object, or as much of it as {@code budget} allows: a file whose rows are not all written when
   * the budget is spent stops at a checkpoint and comes back {@link FileStatus#CONTINUED}, for the caller to
   * hand to a continuation (decision 0017).
   */
  public FileOutcome process(S3ObjectRef object, InvocationBudget budget) throws IOException {
    Instant started = clock.instant();
    if (ManifestKey.isManifest(object.key())) {
      return processManifest(object, started);
    }
    UploadKey key;
    try {
      key = UploadKey.parse(object.key());
    } catch (FileRefusedException e) {
      return refuseUnplaceableKey(object, e);
    }
    ObjectVersion version = uploads.pin(object);
    String generation = version.generation();
    Optional<BatchProgress> earlier = ledger.batchRecord(key, generation);
    if (earlier.isPresent() && earlier.get().isFinished()) {
      return earlier.get().toOutcome(object.key(), generation);
    }
    // Before anything is written: without its blind-index key, intake stores nothing (and never mints one).
    blindIndex.get();
    if (budget.spent()) {
      // Too little time left even to validate: all of it goes to a continuation, which counts no attempt here.
      return new FileOutcome(object.key(), FileStatus.CONTINUED, 0, 0, 0, List.of(), null, generation, null);
    }
    int attempt = ledger.startAttempt(key, generation);
    if (attempt > MAX_ATTEMPTS && !isCurrent(key, generation)) {
      // The earlier attempts ended without a word (a timeout, a crash, memory exhausted).
      return giveUp(object, key, version, attempt - 1, null, started);
    }
    long writtenThrough = earlier.map(BatchProgress::writtenThroughLine).orElse(0L);
    try {
      return processAttempt(object, key, version, started, new RowCheckpoint(writtenThrough, budget));
    } catch (KeyRefusedException stackKey) {
      // The stack's key is at fault, not the file: the attempt does not count toward giving the file up (which would
      // tell the branch it is unprocessable), and the message fails until an operator fixes the key.
      ledger.uncountAttempt(key, generation);
      throw stackKey;
    } catch (IOException | RuntimeException | Error e) {
      if (passingFailure.test(e)) {
        // AWS throttled past the SDK's retries or failed on its side: not the file's fault either. The message fails;
        // SQS redelivers it, and dead-letters it for the operators if the outage outlasts its receives.
        try {
          ledger.uncountAttempt(key, generation);
        } catch (RuntimeException uncounting) {
          // The outage reached the batch record too: the attempt stays counted, and the outage is what the message says.
          e.addSuppressed(uncounting);
        }
        throw e;
      }
      if (attempt >= MAX_ATTEMPTS && !isCurrent(key, generation)) {
        return giveUp(object, key, version, attempt, e, started);
      }
      throw e;
    }
  }

  /**
   * A file is given up on only while its generation is not current: once it is, its rows are what
   * readers see, and the steps left (states, withdrawal) must be finished by a redrive, not undone.
   */
  private boolean isCurrent(UploadKey key, String generation) {
    return ledger.current(key).map(current -> current.generation().equals(generation)).orElse(false);
  }

  /**
   * Refuses a file that failed every attempt, so the branch hears of it; the outcome still fails the
   * message, which SQS then dead-letters for the operators. The reference in the rejects report is
   * logged here with the failure's class and place, which never carry row values.
   */
  private FileOutcome giveUp(S3ObjectRef object, UploadKey key, ObjectVersion version, int attempts, Throwable failure,
      Instant started) throws IOException {
    String generation = version.generation();
    String reference = UnprocessableFiles.reference(key, generation);
    LOG.error("upload given up", entry("reference", reference), entry("objectKey", object.key()),
        entry("generation", generation), entry("attempts", attempts),
        entry("failure", failure == null ? "attempts ended without an outcome (timeout or crash)" : failure.getClass().getName()),
        entry("at", UnprocessableFiles.where(failure)));
    FileRefusedException refusal = UnprocessableFiles.refusal(attempts, reference);
    boolean newerIsCurrent = ledger.current(key)
        .map(current -> current.orderToken().compareTo(orderToken(object, version)) > 0).orElse(false);
    if (newerIsCurrent) {
      // The file's rejects report speaks of the newer upload, which readers see; this one's fate is in its batch record.
      return recordRefusal(object, key, generation, refusal, started);
    }
    try (RejectsReport rejects = new RejectsReport(0)) {
      return refuse(object, key, generation, refusal, rejects, started);
    }
  }

  private FileOutcome processAttempt(S3ObjectRef object, UploadKey key, ObjectVersion version, Instant started,
      RowCheckpoint checkpoint) throws IOException {
    String generation = version.generation();
    try (RejectsReport rejects = new RejectsReport(REJECTS_KEPT_IN_MEMORY)) {
      Validated validated;
      try {
        checkUploader(object, key);
        validated = validate(object, key, version, rejects);
      } catch (FileRefusedException e) {
        return refuse(object, key, generation, e, rejects, started);
      }
      try (validated) {
        return store(object, key, version, started, validated, rejects, checkpoint);
      }
    }
  }

  /** Everything after pass 1: the rows, the switch, the states and the replaced generation's withdrawal. */
  private FileOutcome store(S3ObjectRef object, UploadKey key, ObjectVersion version, Instant started,
      Validated validated, RejectsReport rejects, RowCheckpoint checkpoint) throws IOException {
    String generation = version.generation();
    Optional<FileRefusedException> disagreement = disagreementWithManifest(key, version, validated);
    if (disagreement.isPresent()) {
      return refuseAgainstManifest(object, key, generation, disagreement.get(), started);
    }
    Instant validatedAt = clock.instant();
    ScanResult scan = validated.scan();

    Optional<String> written = writeRows(object, key, version, generation, checkpoint);
    if (written.isEmpty()) {
      return new FileOutcome(object.key(), FileStatus.CONTINUED, scan.rowsRead(), scan.accepted(), scan.rejected(),
          List.of(), null, generation, validated.sha256());
    }
    String dataKeyRef = written.get();
    Instant storedAt = clock.instant();
    FileFigures figures = new FileFigures(object.key(), version.versionId(), validated.sha256(), scan,
        version.rewrittenByErasure());
    Optional<CurrentFile> current = ledger.makeCurrent(key, generation, version.versionId(),
        orderToken(object, version), figures);
    if (current.isEmpty()) {
      withdraw(object, key, version, generation);
      return finish(object, key, generation, FileStatus.SUPERSEDED, validated, List.of(), started, validatedAt, storedAt, dataKeyRef);
    }
    uploads.putReport(object.bucket(), key.rejectsKey(), rejects.finish());
    if (key.type().keepsLatestState()) {
      advanceStates(object, key, version, generation, validated.latest());
    }
    withdrawReplaced(object, key, current.get());
    if (!UploadKey.QUALITY_BRANCH.equals(key.branch())) {
      ledger.listBranch(key.branch());
      ledger.recordArrival(key, started);
    }
    // Before the batch record: a crash in between repeats the publication (consumers are idempotent), never loses it.
    events.published(new FileCurrentEvent(key.fileId(), key.branch(), key.type().wireName(), key.businessDate().toString(),
        generation, object.bucket(), object.key(), version.versionId(), current.get().previousGeneration(),
        current.get().previousVersionId(), validated.scan().accepted(), validated.scan().rejected()));
    // A manifest that arrived while this file was stored has checked the pointer before it switched: ask again.
    Optional<FileRefusedException> lateDisagreement = disagreementWithManifest(key, version, validated);
    if (lateDisagreement.isPresent()) {
      Optional<CurrentUpload> stored = ledger.currentUpload(key.fileId());
      if (stored.isPresent() && isThisUpload(stored.get(), generation)) {
        withdrawAgainstManifest(object.bucket(), key, stored.get(), lateDisagreement.get(), started);
        return FileOutcome.refused(object.key(), generation, withdrawn(lateDisagreement.get()).describe());
      }
      // A later upload of the file replaced this one meanwhile: its own checks and rejects report stand.
      return recordRefusal(object, key, generation, lateDisagreement.get(), started);
    }
    return finish(object, key, generation, FileStatus.PROCESSED, validated, rejects.first(), started, validatedAt, storedAt,
        dataKeyRef);
  }

  /**
   * A branch manifest: parsed and put in force (unless a later upload of it already is), then every file of its
   * day already stored is held against it, and those that disagree are withdrawn. A refused manifest changes
   * nothing: the one in force before stays in force.
   */
  private FileOutcome processManifest(S3ObjectRef object, Instant started) throws IOException {
    ManifestKey key;
    try {
      key = ManifestKey.parse(object.key());
    } catch (FileRefusedException e) {
      return refuseUnplaceableKey(object, e);
    }
    ObjectVersion version = uploads.pin(object);
    String generation = version.generation();
    Optional<BatchProgress> earlier = manifests.batchRecord(key, generation);
    if (earlier.isPresent() && earlier.get().isFinished()) {
      return earlier.get().toOutcome(object.key(), generation);
    }
    BranchManifest manifest;
    byte[] content;
    try (RejectsReport rejects = new RejectsReport(0)) {
      try {
        checkUploader(object, key.branch());
        try (InputStream raw = uploads.open(object.bucket(), object.key(), version)) {
          content = raw.readNBytes(ManifestParser.MAX_BYTES + 1);
        }
        manifest = ManifestParser.parse(content, key);
      } catch (FileRefusedException e) {
        rejects.refusal(e.reason().name(), e.getMessage());
        uploads.putReport(object.bucket(), key.rejectsKey(), rejects.finish());
        manifests.putBatchRecord(key, generation, new BatchRecord.Refused(object.key(), e.describe(), started, clock.instant()));
        return FileOutcome.refused(object.key(), generation, e.describe());
      }
      FileStatus status = FileStatus.SUPERSEDED;
      String orderToken = orderToken(object, version);
      if (manifests.putInForce(key, generation, orderToken, content, manifest)) {
        status = FileStatus.PROCESSED;
        manifests.putNamedFiles(manifest, orderToken);
        holdStoredFilesAgainst(object.bucket(), manifest, started);
        uploads.putReport(object.bucket(), key.rejectsKey(), rejects.finish());
      }
      manifests.putBatchRecord(key, generation, new BatchRecord.ManifestTaken(object.key(), status, manifest.files().size(),
          started, clock.instant()));
      return new FileOutcome(object.key(), status, 0, 0, 0, List.of(), null, generation, null);
    }
  }

  /**
   * What the day's manifest in force says against the file, if anything. An erasure's rewrite is held against
   * nothing: the manifest described the branch's file before a customer's rows were taken out of it.
   */
  private Optional<FileRefusedException> disagreementWithManifest(UploadKey key, ObjectVersion version,
      Validated validated) {
    if (version.rewrittenByErasure()) {
      return Optional.empty();
    }
    return manifests.inForce(ManifestKey.of(key))
        .flatMap(manifest -> ManifestCheck.check(manifest, key, validated.scan().rowsRead(), validated.sha256()));
  }

  /** Every file of the manifest's day that is current is held against it; one that disagrees is withdrawn. */
  private void holdStoredFilesAgainst(String bucket, BranchManifest manifest, Instant started) throws IOException {
    for (RecordType type : RecordType.values()) {
      if (type == RecordType.FINDINGS || type == RecordType.INSPECTORS) {
        continue; // the quality department's types: never under a branch
      }
      String fileId = new UploadKey(manifest.branch(), manifest.businessDate(), type, FileFormat.CSV, false).fileId();
      Optional<CurrentUpload> stored = ledger.currentUpload(fileId);
      if (stored.isEmpty() || stored.get().rewrittenByErasure()) {
        continue;
      }
      UploadKey key;
      try {
        key = UploadKey.parse(stored.get().objectKey());
      } catch (FileRefusedException e) {
        throw new IllegalStateException("file " + fileId + " is current under a key intake refuses", e);
      }
      if (stored.get().isWithdrawal()) {
        withdrawAgainstManifest(bucket, key, stored.get(), null, started); // finishes an interrupted withdrawal
        continue;
      }
      Optional<FileRefusedException> disagreement =
          ManifestCheck.check(manifest, key, stored.get().rowsRead(), stored.get().sha256());
      if (disagreement.isPresent()) {
        withdrawAgainstManifest(bucket, key, stored.get(), disagreement.get(), started);
      }
    }
  }

  /**
   * Refuses a file that disagrees with its manifest. Nothing of it is stored, unless an earlier attempt at this
   * same upload got as far as making it current: then it is withdrawn.
   */
  private FileOutcome refuseAgainstManifest(S3ObjectRef object, UploadKey key, String generation,
      FileRefusedException refusal, Instant started) throws IOException {
    Optional<CurrentUpload> stored = ledger.currentUpload(key.fileId());
    if (stored.isPresent() && isThisUpload(stored.get(), generation)) {
      withdrawAgainstManifest(object.bucket(), key, stored.get(), refusal, started);
      return FileOutcome.refused(object.key(), generation, withdrawn(refusal).describe());
    }
    try (RejectsReport report = new RejectsReport(0)) {
      return refuse(object, key, generation, refusal, report, started); // the refusal alone, not the rows' rejects
    }
  }

  /**
   * Withdraws a current upload that disagrees with its manifest: its pointer is switched to a withdrawal in one
   * conditional write, then its rows are deleted and states rebuilt as for a replaced generation, its rejects
   * report and batch record say why, and consumers of file events hear that the file counts for nothing. Every
   * step repeats harmlessly, so a withdrawal interrupted is finished by whichever check meets it next.
   *
   * @param refusal why, or {@code null} to finish a withdrawal already begun (its pointer keeps the reason)
   */
  private void withdrawAgainstManifest(String bucket, UploadKey key, CurrentUpload upload, FileRefusedException refusal,
      Instant started) throws IOException {
    if (upload.isWithdrawal() && upload.withdrawalFinished()) {
      return;
    }
    FileRefusedException reason = upload.isWithdrawal() ? storedRefusal(upload.withdrawnFor()) : withdrawn(refusal);
    Optional<CurrentFile> withdrawal = upload.isWithdrawal() ? Optional.of(upload.pointer())
        : ledger.withdraw(key.fileId(), upload, reason.describe());
    if (withdrawal.isEmpty()) {
      return; // another upload of the file became current meanwhile, and is held against the manifest on its own
    }
    CurrentFile pointer = withdrawal.get();
    withdrawReplaced(new S3ObjectRef(bucket, upload.objectKey(), null, null), key, pointer);
    ledger.removeArrival(key);
    try (RejectsReport rejects = new RejectsReport(0)) {
      rejects.refusal(reason.reason().name(), reason.getMessage());
      uploads.putReport(bucket, key.rejectsKey(), rejects.finish());
    }
    ledger.putBatchRecord(key.fileId(), pointer.previousGeneration(),
        new BatchRecord.Refused(upload.objectKey(), reason.describe(), started, clock.instant()));
    events.published(new FileCurrentEvent(key.fileId(), key.branch(), key.type().wireName(), key.businessDate().toString(),
        pointer.generation(), bucket, upload.objectKey(), null, pointer.previousGeneration(), pointer.previousVersionId(),
        0, 0));
    ledger.finishWithdrawal(key.fileId(), pointer);
    LOG.info("upload withdrawn", entry("objectKey", upload.objectKey()), entry("generation", pointer.previousGeneration()),
        entry("refusal", reason.reason().name()));
  }

  /** Whether the pointer is this generation's, or the withdrawal of it. */
  private static boolean isThisUpload(CurrentUpload stored, String generation) {
    return stored.pointer().generation().equals(generation)
        || (stored.isWithdrawal() && generation.equals(stored.pointer().previousGeneration()));
  }

  /** The refusal of a file withdrawn after it was stored: what the manifest check said, and that its rows are gone. */
  private static FileRefusedException withdrawn(FileRefusedException refusal) {
    return new FileRefusedException(refusal.reason(), refusal.getMessage()
        + "; its rows, stored before the manifest came, no longer count");
  }

  /** The refusal a withdrawal pointer keeps ({@code CODE: message}). */
  private static FileRefusedException storedRefusal(String described) {
    int colon = described.indexOf(": ");
    return new FileRefusedException(RefusalReason.valueOf(described.substring(0, colon)), described.substring(colon + 2));
  }

  /**
   * Refuses an upload whose event names a branch uploader session of another branch than the key's
   * (the bucket policy should already have refused the write; this catches a policy that was
   * widened). An event without a principal, or naming a principal that is no branch session (the
   * quality department's role, an operator), passes: docs/security.md says why.
   */
  static void checkUploader(S3ObjectRef object, UploadKey key) throws FileRefusedException {
    checkUploader(object, key.branch());
  }

  /** The same check for any upload under a branch's prefix, its manifest included. */
  static void checkUploader(S3ObjectRef object, String keyBranch) throws FileRefusedException {
    Optional<String> sessionBranch = UploaderSession.branchOf(object.uploaderPrincipalId());
    if (sessionBranch.isPresent() ? !sessionBranch.get().equals(keyBranch) : UploaderSession.claimsABranch(object.uploaderPrincipalId())) {
      throw new FileRefusedException(RefusalReason.UPLOADER_MISMATCH, "the file was uploaded with the credentials of "
          + sessionBranch.map(branch -> "branch " + branch).orElse("a branch session whose name is not branch-{CODE}")
          + ", not of branch " + keyBranch + ": each branch uploads under incoming/{its own code}/ only."
          + " Upload it again with the credentials of branch " + keyBranch + ", or under your own branch's prefix");
    }
  }

  private Validated validate(S3ObjectRef object, UploadKey key, ObjectVersion version, RejectsReport rejects)
      throws IOException, FileRefusedException {
    MessageDigest sha256 = sha256();
    try (InputStream raw = new DigestInputStream(uploads.open(object.bucket(), object.key(), version), sha256)) {
      // The parsers read to the end of the stream, so the digest covers the whole object.
      IdIndex latest = new IdIndex();
      int idIndex = key.type().idIndex();
      RecordItemMapper versions = new RecordItemMapper(ledger.table(), key, null, null, null, null);
      RowSink sink = key.type().keepsLatestState()
          ? (line, values) -> latest.keepLatest(values[idIndex], versions.version(values).toEpochMilli(), line)
          : (line, values) -> { };
      try {
        ScanResult scan = scan(raw, key, sink, rejects::add);
        return new Validated(scan, HexFormat.of().formatHex(sha256.digest()), latest);
      } catch (IOException | FileRefusedException | RuntimeException | Error e) {
        latest.close();
        throw e;
      }
    }
  }

  /**
   * Pass 2: the good rows after the checkpoint, encrypted under a fresh data key, written under this generation.
   * Between two batches of {@value BatchItemWriter#MAX_BATCH} rows, a spent budget stops it: the line of the last row
   * written goes on the batch record, and the result is empty. A continuation (or a redelivery after a crash) starts
   * after that line, so every row is written once in the normal course and at most again since the last checkpoint
   * after a crash, onto its own item (same key): never a second item.
   *
   * @return the data key's reference once every row is written; empty when stopped at a checkpoint
   */
  private Optional<String> writeRows(S3ObjectRef object, UploadKey key, ObjectVersion version, String generation,
      RowCheckpoint checkpoint) throws IOException {
    DataKey dataKey = dataKeys.generate(RecordKeyContext.of(key.fileId(), generation));
    try {
      String dataKeyRef = ledger.storeDataKey(key, generation, dataKey.wrapped(), dataKeyArn);
      RecordItemMapper mapper = new RecordItemMapper(ledger.table(), key, generation, new FieldCipher(dataKey),
          blindIndex.get(), dataKeyRef);
      long[] written = {0};
      try (BatchItemWriter writer = ledger.rowWriter(rowWritesInFlight)) {
        rescan(object, key, version, (line, values) -> {
          if (line <= checkpoint.writtenThroughLine()) {
            return;
          }
          writer.put(mapper.toItem(line, values));
          if (++written[0] % BatchItemWriter.MAX_BATCH == 0 && checkpoint.budget().spent()) {
            // Every row through this line is written before the checkpoint says so.
            writer.flush();
            ledger.checkpoint(key, generation, line);
            throw new RowCheckpoint.Reached(line);
          }
        });
      } catch (RowCheckpoint.Reached reached) {
        LOG.info("upload continues in another invocation", entry("objectKey", object.key()), entry("generation", generation),
            entry("writtenThroughLine", reached.line()), entry("rowsWrittenNow", written[0]));
        return Optional.empty();
      }
      return Optional.of(dataKeyRef);
    } finally {
      dataKey.destroy();
    }
  }

  /**
   * Offers each record's latest row of this file as its state: one conditional write per record, 99 per request.
   * Stops as soon as a newer upload of the file has become current: that upload's states stand.
   */
  private void advanceStates(S3ObjectRef object, UploadKey key, ObjectVersion version, String generation, IdIndex latest)
      throws IOException {
    int idIndex = key.type().idIndex();
    StateAdvance states = ledger.stateAdvance(key, generation);
    // Only rows pass 1 accepted are some record's latest line, so this pass needs no validation, only the lines.
    readAgain(object, key, version, (line, values) -> {
      if (states.stillCurrent() && values[idIndex] != null && latest.lineOf(values[idIndex]) == line) {
        states.offer(values);
      }
    });
    states.finish();
  }

  /** Removes this generation's rows again: a newer upload of the same key won the switch. */
  private void withdraw(S3ObjectRef object, UploadKey key, ObjectVersion version, String generation) throws IOException {
    try (RowRemoval removal = ledger.rowRemoval(key, generation, false)) {
      rescan(object, key, version, (line, values) -> removal.remove(values));
    }
  }

  /**
   * Removes the rows of the generation this upload replaced, read back from that generation's
   * own object version; claims and complaints whose state came from a removed row get it rebuilt.
   */
  private void withdrawReplaced(S3ObjectRef object, UploadKey key, CurrentFile current) throws IOException {
    if (current.previousGeneration() == null || current.previousVersionId() == null) {
      return; // first upload of this file, or an unversioned bucket where the old bytes are gone
    }
    ObjectVersion previous = new ObjectVersion(current.previousVersionId(), null, null);
    if (!uploads.exists(object.bucket(), object.key(), previous)) {
      // Expired (RawUploadRetentionDays): its rows cannot be listed, but readers ignore them, as their
      // generation is no longer current; only states it set are left as they were.
      LOG.warn("replaced upload expired before its rows could be withdrawn", entry("objectKey", object.key()),
          entry("replacedGeneration", current.previousGeneration()));
      return;
    }
    try (RowRemoval removal = ledger.rowRemoval(key, current.previousGeneration(), key.type().keepsLatestState())) {
      rescan(object, key, previous, (line, values) -> removal.remove(values));
      removal.finish();
    }
  }

  private void rescan(S3ObjectRef object, UploadKey key, ObjectVersion version, RowSink sink) throws IOException {
    try (InputStream raw = uploads.open(object.bucket(), object.key(), version)) {
      acceptedRows.forEach(raw, key, "object " + object.key() + " version " + version.generation(), sink);
    }
  }

  /** Every readable row of the version, unvalidated: for a pass that picks rows by lines pass 1 accepted. */
  private void readAgain(S3ObjectRef object, UploadKey key, ObjectVersion version, RowSink sink) throws IOException {
    try (InputStream raw = uploads.open(object.bucket(), object.key(), version)) {
      acceptedRows.forEachReadable(raw, key, "object " + object.key() + " version " + version.generation(), sink);
    }
  }

  private ScanResult scan(InputStream raw, UploadKey key, RowSink sink, Consumer<Reject> rejects)
      throws IOException, FileRefusedException {
    try (var rows = decoder.open(raw, key.type(), key.format(), key.gzipped())) {
      return new FileScanner(key.type(), key.branch()).scan(rows, sink, rejects);
    }
  }

  private FileOutcome refuse(S3ObjectRef object, UploadKey key, String generation, FileRefusedException refusal,
      RejectsReport rejects, Instant started) throws IOException {
    rejects.refusal(refusal.reason().name(), refusal.getMessage());
    uploads.putReport(object.bucket(), key.rejectsKey(), rejects.finish());
    return recordRefusal(object, key, generation, refusal, started);
  }

  private FileOutcome recordRefusal(S3ObjectRef object, UploadKey key, String generation, FileRefusedException refusal,
      Instant started) {
    ledger.putBatchRecord(key.fileId(), generation, new BatchRecord.Refused(object.key(), refusal.describe(), started, clock.instant()));
    return FileOutcome.refused(object.key(), generation, refusal.describe());
  }

  /** A key that names no branch, date or type has no file record to go in: its report goes under rejects/unrecognised/. */
  private FileOutcome refuseUnplaceableKey(S3ObjectRef object, FileRefusedException refusal) throws IOException {
    try (RejectsReport rejects = new RejectsReport(0)) {
      rejects.refusal(refusal.reason().name(), refusal.getMessage());
      String rest = object.key().startsWith(UploadKey.INCOMING_PREFIX)
          ? object.key().substring(UploadKey.INCOMING_PREFIX.length()) : object.key();
      uploads.putReport(object.bucket(), "rejects/unrecognised/" + rest + ".csv", rejects.finish());
    }
    return FileOutcome.refused(object.key(), null, refusal.describe());
  }

  private FileOutcome finish(S3ObjectRef object, UploadKey key, String generation, FileStatus status, Validated validated,
      List<Reject> firstRejects, Instant started, Instant validatedAt, Instant storedAt, String dataKeyRef) {
    Instant finished = clock.instant();
    ledger.putBatchRecord(key.fileId(), generation, new BatchRecord.Finished(object.key(), status, validated.sha256(),
        validated.scan(), Duration.between(started, validatedAt), Duration.between(validatedAt, storedAt),
        Duration.between(started, finished), started, dataKeyRef));
    ScanResult scan = validated.scan();
    return new FileOutcome(object.key(), status, scan.rowsRead(), scan.accepted(), scan.rejected(), firstRejects, null,
        generation, validated.sha256());
  }

  /**
   * Orders uploads of one key: S3's sequencer where the notification has one (right-padded, as AWS
   * documents, so lengths compare), else the version's modification time.
   */
  static String orderToken(S3ObjectRef object, ObjectVersion version) {
    if (object.sequencer() != null && !object.sequencer().isBlank()) {
      StringBuilder padded = new StringBuilder(object.sequencer().toUpperCase(java.util.Locale.ROOT));
      while (padded.length() < 32) {
        padded.append('0');
      }
      return "S" + padded;
    }
    return "T" + String.format("%016x", version.lastModified().toEpochMilli());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The outcome of pass 1, and for state-keeping types the line of each record's latest row. */
  private record Validated(ScanResult scan, String sha256, IdIndex latest) implements AutoCloseable {
    @Override
    public void close() {
      latest.close();
    }
  }
}
