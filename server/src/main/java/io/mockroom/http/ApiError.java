package io.mockroom.http;

/**
 * A failure meant for the client: an HTTP status, a stable machine code and a message a person
 * can act on. Thrown or failed into a route's future; the router's failure handler renders it as
 * {@code {"error":{"code":…,"message":…}}}.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The wire shape of an error body. */
  public record Body(Detail error) {
    public record Detail(String code, String message) {}
  }

  public Body body() {
    return new Body(new Body.Detail(code, getMessage()));
  }
}
