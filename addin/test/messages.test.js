import assert from "node:assert/strict";
import { test } from "node:test";

import { BackendUnreachableError, ProblemError } from "../src/api.js";
import { explainFailure } from "../src/messages.js";

const seen = (baseUrl, blocked = [], page = "https://localhost:8443") => ({ baseUrl, blocked: new Set(blocked), page });
const down = (url) => new BackendUnreachableError(url, new TypeError("Failed to fetch"));

test("a server that does not answer: start it, check the address, or trust its certificate", () => {
  const message = explainFailure(down("https://contracts.example.com"), seen("https://contracts.example.com"));
  assert.match(message, /does not answer\. Check that it is running \(noai serve\)/);
  assert.match(message, /may not trust its certificate: open https:\/\/contracts\.example\.com\/api\/v1\/healthz/);
});

test("an address the page's security policy refused is named as such, not blamed on the address", () => {
  const message = explainFailure(down("https://other.example.com:9443"), seen("https://other.example.com:9443", ["https://other.example.com:9443"]));
  assert.match(message, /may not connect to https:\/\/other\.example\.com:9443: its security policy allows only .*https:\/\/localhost:8443/);
  assert.doesNotMatch(message, /does not answer/);
});

test("an http address from an https pane is named as not secure", () => {
  assert.match(explainFailure(down("http://intranet:8000"), seen("http://intranet:8000")), /not secure \(http\), and Word only allows https/);
});

test("a wrong token says which token to enter, without header syntax or a request id", () => {
  const message = explainFailure(new ProblemError({ status: 401, title: "Unauthorized", detail: 'send it as "Authorization: Bearer <token>"', request_id: "r-1" }), seen("https://s"));
  assert.equal(message, "The server did not accept the access token. Enter the token the server was started with (NOAI_API_TOKEN) in Settings, then Save.");
});

test("a server error gives a reference to report; other problems their own detail", () => {
  assert.match(explainFailure(new ProblemError({ status: 500, request_id: "r-9" }), seen("https://s")), /report reference r-9/);
  assert.equal(explainFailure(new ProblemError({ status: 422, detail: "The file is not a Word document." }), seen("https://s")), "The file is not a Word document.");
});
