// The backend client: /api/v1 of the noai server (DEVELOPERS.md "HTTP API").
// Errors come back as RFC 9457 problem JSON {type, title, status, detail, code, request_id};
// they are turned into the typed errors below so the pane can explain them.

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const FLAT_OPC_TYPE = "application/xml";
const SETTINGS_KEY = "noai.settings";

/** Any failure talking to the backend. */
export class BackendError extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
}

/** The backend could not be reached at all (down, wrong address, certificate not trusted). */
export class BackendUnreachableError extends BackendError {
  constructor(baseUrl, cause) {
    super(`The noai server at ${baseUrl} cannot be reached. Check the address in Settings and that the server is running.`);
    this.cause = cause;
  }
}

/** The backend answered with an error (problem JSON when it sent one). */
export class ProblemError extends BackendError {
  constructor(problem) {
    super(problem.detail || problem.title || `The server answered ${problem.status}.`);
    this.type = problem.type ?? "about:blank";
    this.title = problem.title ?? "";
    this.status = problem.status;
    this.detail = problem.detail ?? "";
    this.code = problem.code ?? "";
    this.requestId = problem.request_id ?? "";
  }
}

/** HTTP 413: the document is larger than the server accepts. */
export class DocumentTooLargeError extends ProblemError {
  constructor(problem) {
    super(problem);
    this.message = `The document is too large for the server. ${this.detail}`.trim();
  }
}

/**
 * Return {baseUrl, token, remember}: the address from `local` (localStorage), defaulting to
 * `defaultBaseUrl`; the token from `session` (sessionStorage, forgotten when Word closes), or from
 * `local` when the user asked to remember it (a token an older pane left in `local` is removed).
 * @param {Storage} local
 * @param {Storage} session
 * @param {string} defaultBaseUrl
 */
export function loadSettings(local, session, defaultBaseUrl) {
  const saved = readJson(local);
  const remember = saved.remember === true;
  if (!remember && "token" in saved) local.setItem(SETTINGS_KEY, JSON.stringify({ baseUrl: saved.baseUrl, remember: false })); // an older pane kept it there
  const token = remember ? saved.token : readJson(session).token;
  return { baseUrl: saved.baseUrl || defaultBaseUrl, token: typeof token === "string" ? token : "", remember };
}

/**
 * Save {baseUrl, token, remember}; the URL loses its trailing slashes. The token goes to `session`
 * unless `remember`, and is removed from the other storage.
 * @param {Storage} local
 * @param {Storage} session
 * @param {{baseUrl: string, token: string, remember?: boolean}} settings
 */
export function saveSettings(local, session, { baseUrl, token, remember = false }) {
  const settings = { baseUrl: String(baseUrl ?? "").trim().replace(/\/+$/, ""), token: String(token ?? "").trim(), remember: Boolean(remember) };
  local.setItem(SETTINGS_KEY, JSON.stringify(remember ? settings : { baseUrl: settings.baseUrl, remember: false }));
  if (remember) session.removeItem(SETTINGS_KEY);
  else session.setItem(SETTINGS_KEY, JSON.stringify({ token: settings.token }));
  return settings;
}

function readJson(storage) {
  try {
    const value = JSON.parse(storage.getItem(SETTINGS_KEY) ?? "{}");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/** Return a client for the backend at `baseUrl`; `fetchImpl` is injectable for tests. */
export function createClient({ baseUrl, token = "", fetchImpl = globalThis.fetch.bind(globalThis) }) {
  const root = baseUrl.replace(/\/+$/, "");

  /**
   * @param {string} path
   * @param {{method?: string, body?: any, contentType?: string, query?: Record<string, any>, accept?: string}} [options]
   */
  async function request(path, { method = "GET", body, contentType, query, accept = "application/json" } = {}) {
    const url = new URL(`${root}/api/v1${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
    }
    const headers = { Accept: accept };
    if (contentType) headers["Content-Type"] = contentType;
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetchImpl(url.toString(), { method, headers, body });
    } catch (error) {
      throw new BackendUnreachableError(root, error);
    }
    if (!response.ok) throw await problemFrom(response);
    return response;
  }

  return {
    /** POST the document; return {audit, plan}. */
    async plan(document, options = {}) {
      const response = await request("/plan", { method: "POST", body: document.body, contentType: document.contentType, query: options });
      return response.json();
    },
    /** POST the document; return its audit. */
    async audit(document, options = {}) {
      const response = await request("/audit", { method: "POST", body: document.body, contentType: document.contentType, query: options });
      return response.json();
    },
    /** POST the document; return the redlined .docx as a Blob. */
    async redline(document, options = {}) {
      const response = await request("/redline", { method: "POST", body: document.body, contentType: document.contentType, query: options, accept: DOCX_TYPE });
      return response.blob();
    },
    /** GET the clause list: {clauses: [...]}. */
    async clauses() {
      return (await request("/clauses")).json();
    },
    /** GET one clause rendered with `params` (variant, client, provider, deliverables, ...). */
    async clause(id, params = {}) {
      return (await request(`/clauses/${encodeURIComponent(id)}`, { query: params })).json();
    },
    /** Check the address and the token: GET /clauses needs the token when the server has one. Return the number of clauses. */
    async check() {
      const answer = await (await request("/clauses")).json();
      return Array.isArray(answer?.clauses) ? answer.clauses.length : 0;
    },
    /** GET /healthz: {status, version}. */
    async health() {
      return (await request("/healthz")).json();
    },
  };
}

/** Build the typed error for a failed response, from its problem JSON when it has one. */
async function problemFrom(response) {
  let problem = { status: response.status, title: response.statusText };
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      problem = { ...problem, ...(await response.json()) };
    } catch {
      // A broken body still leaves the status to explain the failure.
    }
  }
  return response.status === 413 ? new DocumentTooLargeError(problem) : new ProblemError(problem);
}
