package io.qualityhub.core.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A function's cold start as Lambda runs it ({@code ./qualityhub bench coldstart}), from the function's own artifact:
 * loads the handler named as template.yaml's {@code Handler} names it ({@code package.Class::method}), builds it
 * with its no-argument constructor (configuration and clients from the environment, as on Lambda), reads the event
 * from a JSON file into the handler's input type and completes one invocation. Arguments: handler, event file,
 * function name. Prints {@code constructed_ms=N
 * first_invocation_done_ms=N} in JVM uptime and {@code cpu_ms=N}, the process's CPU time at the end of the
 * invocation, both without the probe's own reading of the event (Lambda's runtime does that outside the handler, for
 * B0 as for any function), which it prints as {@code event_read_ms=N event_read_cpu_ms=N}; then {@code response=}
 * and the handler's answer as JSON, for the benchmark to check that the invocation did its work. With the handler as its
 * only argument it builds the handler and stops there, printing {@code constructed_ms=N cpu_ms=N}: the part of the
 * cold start the benchmark can measure for a function it has no invocation for. With the system property
 * {@value ParallelStart#PROPERTY} set, {@link ParallelStart} runs first.
 */
public final class HandlerProbe {

  private HandlerProbe() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException, InterruptedException {
    if (ParallelStart.requested()) {
      ParallelStart.run();
    }
    String[] handler = args[0].split("::", 2);
    Class<?> type = Class.forName(handler[0]);
    Object instance = type.getConstructor().newInstance();
    long constructed = System.nanoTime();
    if (args.length == 1) {
      long cpu = ProbeClock.processCpuMillis();
      System.out.println("constructed_ms=" + ProbeClock.ofPoints(constructed)[0] + " cpu_ms=" + cpu);
      return;
    }
    Method method = Arrays.stream(type.getMethods())
        .filter(candidate -> candidate.getName().equals(handler[1]) && candidate.getParameterCount() == 2 && !candidate.isBridge())
        .findFirst()
        .orElseThrow(() -> new NoSuchMethodException(args[0] + " taking an event and a context"));
    // Lambda's runtime reads the event with its own serializer before it calls any handler, B0's as well: the
    // probe's reading is timed and taken out of the function's figures, so that only the handler's work is compared.
    long readingStarted = System.nanoTime();
    long readingCpuBefore = ProbeClock.processCpuMillis();
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    ObjectMapper json = JsonMapper.builder()
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .build();
    Object input = json.readValue(event, method.getParameterTypes()[0]);
    long readingNanos = System.nanoTime() - readingStarted;
    long readingCpu = ProbeClock.processCpuMillis() - readingCpuBefore;
    Object response = method.invoke(instance, input, new ProbeContext(args[2]));
    long invoked = System.nanoTime();
    long cpu = ProbeClock.processCpuMillis() - readingCpu;
    long[] millis = ProbeClock.ofPoints(constructed, invoked - readingNanos);
    System.out.println("constructed_ms=" + millis[0] + " first_invocation_done_ms=" + millis[1] + " cpu_ms=" + cpu
        + " event_read_ms=" + readingNanos / 1_000_000 + " event_read_cpu_ms=" + readingCpu);
    System.out.println("response=" + json.writeValueAsString(response));
  }
}
