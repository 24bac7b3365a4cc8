import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HandlerProbe's counterpart for a stream handler (the monitor function's {@code RequestStreamHandler}), run with
 * java's source launcher so that the class path is the function's artifact alone: builds the handler with its
 * no-argument constructor, hands it the event file's bytes and prints {@code response=} and what it wrote.
 * Arguments: handler ({@code package.Class::method}), event file, function name.
 */
public class StreamHandlerProbe {

  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(args[0].split("::", 2)[0]);
    Object handler = type.getConstructor().newInstance();
    Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context");
    Object context = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {contextType},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "getFunctionName" -> args[2];
          case "getAwsRequestId" -> "stream-handler-probe";
          case "getRemainingTimeInMillis" -> 900_000;
          case "getMemoryLimitInMB" -> 1024;
          default -> null;
        });
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
      type.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType).invoke(handler, event, output, context);
    }
    System.out.println("response=" + output.toString(StandardCharsets.UTF_8));
  }
}
