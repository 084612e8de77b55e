// What the pane says when something fails: one message per cause, each saying what to do.
// A fetch that fails at all (server down, certificate not trusted, refused by the page's security
// policy) is one TypeError in the browser; the pane tells them apart by what it saw: a
// `securitypolicyviolation` event for the address (CSP), an http address from an https page
// (mixed content), else down or not trusted, which only the user's browser can tell apart.

import { BackendUnreachableError, DocumentTooLargeError, ProblemError } from "./api.js";

/** The origin of `url` ("https://host:port"), or "" when it is not a URL. @param {string} url */
export function origin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

/**
 * @param {Error} error
 * @param {{baseUrl: string, blocked: Set<string>, page: string}} seen the server address, the origins the
 *   page's security policy refused, and the page's own origin
 * @returns {string}
 */
export function explainFailure(error, { baseUrl, blocked, page }) {
  if (error instanceof BackendUnreachableError) {
    const server = origin(baseUrl);
    if (blocked.has(server)) {
      return `This pane may not connect to ${server}: its security policy allows only the server that serves it (${page}). ` +
        `Set ${page} as the address in Settings, or have ${server} allowed on the server that serves the pane.`;
    }
    if (server.startsWith("http:") && page.startsWith("https:")) {
      return `The address ${baseUrl} is not secure (http), and Word only allows https. Change the address in Settings.`;
    }
    return `The noai server at ${baseUrl} does not answer. Check that it is running (noai serve) and that the address in Settings is right. ` +
      `If it is running, this computer may not trust its certificate: open ${baseUrl}/api/v1/healthz in a browser, and if it warns about ` +
      "the certificate, trust the certificate authority as `noai certs` explains.";
  }
  if (error instanceof DocumentTooLargeError) return error.message;
  if (error instanceof ProblemError) {
    if (error.status === 401 || error.status === 403) {
      return "The server did not accept the access token. Enter the token the server was started with (NOAI_API_TOKEN) in Settings, then Save.";
    }
    if (error.status >= 500) return `The server failed on this request. Try again; if it keeps failing, report reference ${error.requestId || error.status}.`;
    return error.message;
  }
  return `Something went wrong: ${error.message}`;
}
