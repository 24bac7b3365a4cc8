package io.qualityhub.local.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.local.LocalContext;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.reports.function.CustomerLookupHandler;
import io.qualityhub.reports.function.ReportAccessHandler;
import io.qualityhub.reports.function.ReportListHandler;
import io.qualityhub.sampling.function.InspectionTasksHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The portal on 127.0.0.1: the same static page that CloudFront serves on AWS, the same functions
 * behind the same paths as the HTTP API ({@code GET /reports}, {@code GET /reports/{reportId}},
 * {@code GET /samples/{period}}, {@code POST /customers/lookup}),
 * and in place of Cognito a sign-in page issuing tokens for demo users, checked here as the JWT
 * authoriser checks them before a function runs.
 */
public final class PortalServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json", "svg", "image/svg+xml");
  /** The page loads only its own files and talks only to its own origin; reports download from S3 by navigation. */
  /** More than any ID number needs; the function refuses bodies past its own bound too. */
  private static final int MAX_LOOKUP_BODY_BYTES = 8192;
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

  private final LocalDeployment local;
  private final Path assets;
  private final LocalTokens tokens;
  private final ReportListHandler list;
  private final ReportAccessHandler access;
  private final InspectionTasksHandler tasks;
  private final CustomerLookupHandler customers;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  private PortalServer(LocalDeployment local, Path assets, int port, Clock clock) throws IOException {
    this.local = local;
    this.assets = assets.toAbsolutePath().normalize();
    this.tokens = new LocalTokens(clock);
    this.list = new ReportListHandler(local.settingsOf("ReportListFunction"), local.clientsFor("ReportListFunction"), clock);
    this.access = new ReportAccessHandler(local.settingsOf("ReportAccessFunction"), local.clientsFor("ReportAccessFunction"),
        clock);
    this.tasks = new InspectionTasksHandler(local.settingsOf("InspectionTasksFunction"),
        local.clientsFor("InspectionTasksFunction"), clock);
    this.customers = new CustomerLookupHandler(local.settingsOf("CustomerLookupFunction"),
        local.clientsFor("CustomerLookupFunction"), clock);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::route);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Serves {@code assets} (the {@code portal/} folder) and the report functions of {@code local} on
   * 127.0.0.1:{@code port}; port 0 takes a free one.
   */
  public static PortalServer start(LocalDeployment local, Path assets, int port, Clock clock) throws IOException {
    if (!Files.isRegularFile(assets.resolve("index.html"))) {
      throw new IOException("no portal page at " + assets.resolve("index.html") + "; run from the project's root");
    }
    return new PortalServer(local, assets, port, clock);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The people the sign-in page offers: auditor, quality department, and a manager per branch with data. */
  public List<String> userNames() {
    return users().stream().map(PortalUser::name).toList();
  }

  private List<PortalUser> users() {
    Set<String> branches = new TreeSet<>();
    local.clients().dynamoDb().queryPaginator(request -> request.tableName(local.physicalId("RecordsTable"))
            .keyConditionExpression("pk = :branches")
            .expressionAttributeValues(Map.of(":branches", AttributeValue.fromS(ItemKeys.BRANCHES_PK))))
        .items().forEach(item -> branches.add(item.get(ItemKeys.SK).s()));
    return PortalUser.demoUsers(branches);
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("/reports")) {
        api(exchange, "GET /reports", Map.of(), event -> list.handle(event));
      } else if (method.equals("GET") && path.startsWith("/reports/") && path.length() > "/reports/".length()) {
        String reportId = URLDecoder.decode(path.substring("/reports/".length()), StandardCharsets.UTF_8);
        api(exchange, "GET /reports/{reportId}", Map.of("reportId", reportId),
            event -> access.handleRequest(event, LocalContext.forFunction("ReportAccessFunction", 30_000)));
      } else if (method.equals("GET") && path.startsWith("/samples/") && path.length() > "/samples/".length()) {
        String period = URLDecoder.decode(path.substring("/samples/".length()), StandardCharsets.UTF_8);
        api(exchange, "GET /samples/{period}", Map.of("period", period), event -> tasks.handle(event));
      } else if (method.equals("POST") && path.equals("/customers/lookup")) {
        String body = new String(exchange.getRequestBody().readNBytes(MAX_LOOKUP_BODY_BYTES), StandardCharsets.UTF_8);
        api(exchange, "POST /customers/lookup", Map.of(), event -> {
          event.setBody(body);
          return customers.handle(event);
        });
      } else if (method.equals("GET") && path.equals("/config.json")) {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("mode", "local")));
      } else if (method.equals("GET") && path.equals("/local/users")) {
        ArrayNode users = JSON.createArrayNode();
        users().forEach(user -> users.addObject().put("name", user.name()).put("group", user.group()));
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(users));
      } else if (method.equals("POST") && path.equals("/local/sign-in")) {
        signIn(exchange);
      } else if (method.equals("GET")) {
        asset(exchange, path.equals("/") ? "index.html" : path.substring(1));
      } else {
        send(exchange, 405, "application/json", JSON.writeValueAsBytes(Map.of("error", method + " is not served here")));
      }
    } catch (RuntimeException e) {
      // A failing function answers 500 as API Gateway would; the portal shows it and the console has the cause.
      System.err.println("portal: " + exchange.getRequestURI().getPath() + " failed: " + e);
      sendQuietly(exchange, 500, "{\"error\":\"the function failed; see the portal's console\"}");
    }
  }

  private void signIn(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in.readNBytes(4096));
    } catch (IOException e) {
      body = JSON.createObjectNode();
    }
    String name = body == null ? "" : body.path("user").asText("");
    Optional<PortalUser> user = users().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
    if (user.isEmpty()) {
      send(exchange, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", "no demo user '" + name + "'")));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", tokens.issue(user.get()));
    answer.put("user", user.get().name());
    answer.put("group", user.get().group());
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
  }

  private interface Function {
    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event);
  }

  /** As API Gateway does: the JWT authoriser refuses a bad token with 401 before the function runs. */
  private void api(HttpExchange exchange, String routeKey, Map<String, String> pathParameters, Function function)
      throws IOException {
    String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
    Optional<Map<String, String>> claims = authorization.startsWith("Bearer ")
        ? tokens.verify(authorization.substring("Bearer ".length())) : Optional.empty();
    if (claims.isEmpty()) {
      send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    APIGatewayV2HTTPResponse response = function.invoke(event(exchange, routeKey, pathParameters, claims.get()));
    send(exchange, response.getStatusCode(), "application/json", response.getBody().getBytes(StandardCharsets.UTF_8));
  }

  private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String routeKey, Map<String, String> pathParameters,
      Map<String, String> claims) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(claims);
    jwt.setScopes(List.of(LocalTokens.SCOPE));
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(exchange.getRequestMethod());
    http.setPath(exchange.getRequestURI().getPath());
    http.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
    http.setUserAgent(Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
    APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
    requestContext.setAuthorizer(authorizer);
    requestContext.setHttp(http);
    requestContext.setRouteKey(routeKey);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(routeKey);
    event.setRawPath(exchange.getRequestURI().getPath());
    event.setPathParameters(pathParameters);
    event.setQueryStringParameters(query(exchange.getRequestURI().getRawQuery()));
    event.setRequestContext(requestContext);
    return event;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private void asset(HttpExchange exchange, String name) throws IOException {
    Path file = assets.resolve(name).normalize();
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (!file.startsWith(assets) || !Files.isRegularFile(file) || !CONTENT_TYPES.containsKey(extension)) {
      send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(exchange, 200, CONTENT_TYPES.get(extension), Files.readAllBytes(file));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sendQuietly(HttpExchange exchange, int status, String json) {
    try {
      send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException alreadyAnswered) {
      // Headers were already sent: the browser sees the connection end, the console has the cause.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
