package io.qualityhub.core.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.ManifestKey;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.validate.FileScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a branch manifest, format version 1, and refuses ({@code INVALID_MANIFEST}) anything else: more than
 * {@value #MAX_BYTES} bytes, not one JSON object, another branch or date than its key, a field missing, of the
 * wrong kind or out of range, a key it does not know. Messages name the field by its JSON path and the key by its
 * number, never a value the manifest holds: a manifest written by hand may hold anything.
 */
public final class ManifestParser {

  /** A manifest of every record type, each with its SHA-256, takes under 2 KiB; this leaves room and bounds memory. */
  public static final int MAX_BYTES = 64 * 1024;
  static final int MAX_NESTING_DEPTH = 4;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final List<String> TOP_KEYS = List.of("formatVersion", "branch", "businessDate", "files");
  private static final List<String> FILE_KEYS = List.of("name", "rows", "sha256");
  private static final String WHAT_TO_DO = "; see docs/upload-format.md, \"Branch manifests\", and upload the manifest again";
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ManifestParser() {}

  /** Reads at most {@value #MAX_BYTES} bytes and one byte more, so a huge object is never read whole. */
  public static BranchManifest read(InputStream content, ManifestKey key) throws IOException, FileRefusedException {
    return parse(content.readNBytes(MAX_BYTES + 1), key);
  }

  /** Parses a manifest's bytes; more than {@value #MAX_BYTES} of them are refused unread. */
  public static BranchManifest parse(byte[] bytes, ManifestKey key) throws FileRefusedException {
    if (bytes.length > MAX_BYTES) {
      throw invalid("the manifest is larger than " + MAX_BYTES + " bytes; a manifest of every record type takes"
          + " under 2 KiB: check that the file uploaded as " + ManifestKey.FILE_NAME + " is the manifest");
    }
    if (bytes.length == 0) {
      throw invalid("the manifest is empty" + WHAT_TO_DO);
    }
    JsonNode root;
    JsonParser parser;
    try {
      parser = JSON.createParser(bytes);
    } catch (IOException e) {
      throw invalid("the manifest could not be read as JSON" + WHAT_TO_DO);
    }
    try (parser) {
      root = JSON.readTree(parser);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the offending text, so neither it nor the exception travels on: only the position.
      // A broken stream limit (nesting) carries none; the parser still knows where it stopped.
      throw invalid("the manifest is not valid UTF-8 JSON"
          + at(e.getLocation() != null ? e.getLocation() : parser.currentLocation())
          + " (one JSON object, each key once, objects nested at most " + MAX_NESTING_DEPTH + " deep)" + WHAT_TO_DO);
    } catch (IOException e) {
      throw invalid("the manifest could not be read as JSON" + WHAT_TO_DO);
    }
    if (root == null || !root.isObject()) {
      throw invalid("the manifest must be one JSON object {\"formatVersion\": 1, \"branch\": ..., \"businessDate\": ...,"
          + " \"files\": [...]}" + WHAT_TO_DO);
    }
    knownKeysOnly(root, TOP_KEYS, "the manifest");
    JsonNode version = required(root, "formatVersion");
    if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != 1) {
      throw invalid("formatVersion must be the number 1 (manifest format version 1)" + WHAT_TO_DO);
    }
    JsonNode branch = required(root, "branch");
    if (!branch.isTextual() || !branch.textValue().equals(key.branch())) {
      throw invalid("branch is not \"" + key.branch() + "\", the branch of its key " + key.objectKey()
          + ": a manifest describes the files of the branch and day it is uploaded under" + WHAT_TO_DO);
    }
    JsonNode date = required(root, "businessDate");
    if (!date.isTextual() || !date.textValue().equals(key.businessDate().toString())) {
      throw invalid("businessDate is not \"" + key.businessDate() + "\", the date of its key " + key.objectKey()
          + ": a manifest describes the files of the branch and day it is uploaded under" + WHAT_TO_DO);
    }
    JsonNode files = required(root, "files");
    if (!files.isArray()) {
      throw invalid("files must be an array of {\"name\": ..., \"rows\": ..., \"sha256\": ...} objects" + WHAT_TO_DO);
    }
    List<DeclaredFile> declared = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      DeclaredFile file = declaredFile(files.get(i), "files[" + i + "]", key);
      for (int j = 0; j < declared.size(); j++) {
        if (declared.get(j).type() == file.type()) {
          throw invalid("files[" + i + "] names a second file of record type " + file.type().wireName() + " (files[" + j
              + "] is the first): a branch sends one file per record type and day" + WHAT_TO_DO);
        }
      }
      declared.add(file);
    }
    return new BranchManifest(key.branch(), key.businessDate(), declared);
  }

  private static DeclaredFile declaredFile(JsonNode file, String path, ManifestKey key) throws FileRefusedException {
    if (!file.isObject()) {
      throw invalid(path + " must be an object {\"name\": ..., \"rows\": ..., \"sha256\": ...}" + WHAT_TO_DO);
    }
    knownKeysOnly(file, FILE_KEYS, path);
    JsonNode name = required(file, "name", path);
    if (!name.isTextual()) {
      throw invalid(path + ".name must be a file name such as \"claims.csv\"" + WHAT_TO_DO);
    }
    UploadKey upload;
    try {
      upload = UploadKey.parse(UploadKey.INCOMING_PREFIX + key.branch() + "/" + key.businessDate() + "/" + name.textValue());
    } catch (FileRefusedException e) {
      // UploadKey's messages describe the key's shape and never quote it.
      throw invalid(path + ".name is not a file name this branch uploads: " + e.getMessage() + WHAT_TO_DO, e);
    }
    JsonNode rows = required(file, "rows", path);
    if (!rows.isIntegralNumber() || !rows.canConvertToLong() || rows.longValue() < 1
        || rows.longValue() > FileScanner.MAX_ROWS) {
      throw invalid(path + ".rows must be a whole number from 1 to " + FileScanner.MAX_ROWS
          + ": the file's data rows, header and blank lines not counted (a file without data rows is refused"
          + " as EMPTY_FILE, so leave it out of the manifest)" + WHAT_TO_DO);
    }
    JsonNode sha256 = file.get("sha256");
    if (sha256 != null && (!sha256.isTextual() || !SHA256.matcher(sha256.textValue()).matches())) {
      throw invalid(path + ".sha256 must be the 64 hexadecimal digits of the uploaded object's SHA-256 (as sha256sum"
          + " prints it), or be left out" + WHAT_TO_DO);
    }
    RecordType type = upload.type();
    return new DeclaredFile(name.textValue(), type, rows.longValue(),
        sha256 == null ? null : sha256.textValue().toLowerCase(Locale.ROOT));
  }

  /** Names an unknown key by its number: a key may be a value typed in the wrong place. */
  private static void knownKeysOnly(JsonNode object, List<String> known, String where) throws FileRefusedException {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    Set<String> allowed = Set.copyOf(known);
    for (int number = 1; fields.hasNext(); number++) {
      if (!allowed.contains(fields.next().getKey())) {
        throw invalid("key number " + number + " of " + where + " is not one of " + String.join(", ", known) + WHAT_TO_DO);
      }
    }
  }

  private static JsonNode required(JsonNode object, String name) throws FileRefusedException {
    return required(object, name, null);
  }

  private static JsonNode required(JsonNode object, String name, String path) throws FileRefusedException {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw invalid((path == null ? "" : path + ".") + name + " is missing" + WHAT_TO_DO);
    }
    return value;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static FileRefusedException invalid(String message) {
    return new FileRefusedException(RefusalReason.INVALID_MANIFEST, message);
  }

  private static FileRefusedException invalid(String message, Throwable cause) {
    return new FileRefusedException(RefusalReason.INVALID_MANIFEST, message, cause);
  }
}
