// The platform API: JSON over fetch with the session cookie, the CSRF token on every change,
// errors as ApiError {status, code, message}, and the live event stream.

let csrfToken = "";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function setCsrfToken(token) {
  csrfToken = token || "";
}

/** Calls the API; resolves to the parsed JSON body (null for 204), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "tradelink cannot be reached; check your connection");
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    throw new ApiError(response.status, error.code || "http." + response.status,
                       error.message || response.statusText);
  }
  return data;
}

/**
 * Opens the live event stream; calls onEvent({type, data}) for each event and reconnects with
 * a growing delay when the connection drops. Returns a function that closes it for good.
 */
export function openEvents(onEvent) {
  let socket = null;
  let closed = false;
  let delay = 1000;
  const connect = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/api/v1/events`);
    socket.addEventListener("open", () => { delay = 1000; });
    socket.addEventListener("message", (message) => {
      try {
        onEvent(JSON.parse(message.data));
      } catch {
        // A malformed event is skipped; the next one carries the full state again.
      }
    });
    socket.addEventListener("close", () => {
      if (closed) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  connect();
  return () => {
    closed = true;
    if (socket) socket.close();
  };
}
