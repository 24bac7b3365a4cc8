package io.qualityhub.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a demo step gets: the local deployment, the business date the run is "as of", the output
 * directory, the summary to add its section to, the console, and a stream for function log output
 * (the way Lambda would send it to CloudWatch; kept out of the console).
 */
record DemoContext(LocalDeployment local, LocalDate asOf, Path outDir, ObjectNode summary, PrintStream out, PrintStream functionLog) {}
