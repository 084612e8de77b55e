import assert from "node:assert/strict";
import { test } from "node:test";

import {
  BackendUnreachableError, DOCX_TYPE, DocumentTooLargeError, ProblemError, createClient, loadSettings, saveSettings,
} from "../src/api.js";

/** A fetch that records its calls and answers with `response` (a Response or an Error to throw). */
function fakeFetch(response) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, ...init });
    if (response instanceof Error) throw response;
    return response;
  };
  return { calls, fetchImpl };
}

const problem = (status, body) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
const docx = { body: new Uint8Array([80, 75, 3, 4]), contentType: DOCX_TYPE };

test("the plan request posts the raw document with its type, options and the bearer token", async () => {
  const { calls, fetchImpl } = fakeFetch(new Response(JSON.stringify({ audit: {}, plan: { edits: [] } }), { status: 200 }));
  const client = createClient({ baseUrl: "https://host:8443/", token: "s3cret", fetchImpl });
  const answer = await client.plan(docx, { variant: "strict", playbook: "" });
  assert.deepEqual(answer.plan, { edits: [] });
  assert.equal(calls[0].url, "https://host:8443/api/v1/plan?variant=strict");
  assert.equal(calls[0].method, "POST");
  assert.equal(calls[0].body, docx.body);
  assert.equal(calls[0].headers["Content-Type"], DOCX_TYPE);
  assert.equal(calls[0].headers.Authorization, "Bearer s3cret");
});

test("no Authorization header is sent without a token", async () => {
  const { calls, fetchImpl } = fakeFetch(new Response("{}", { status: 200 }));
  await createClient({ baseUrl: "https://host", fetchImpl }).clauses();
  assert.equal(calls[0].url, "https://host/api/v1/clauses");
  assert.equal("Authorization" in calls[0].headers, false);
});

test("problem JSON from the server becomes a ProblemError with all its fields", async () => {
  const body = { type: "https://noai/problems/not-ooxml", title: "Not a Word document", status: 415, detail: "The file is a PDF.", code: "not-ooxml", request_id: "r-42" };
  const { fetchImpl } = fakeFetch(problem(415, body));
  const error = await createClient({ baseUrl: "https://host", fetchImpl }).plan(docx).catch((e) => e);
  assert.ok(error instanceof ProblemError);
  assert.deepEqual(
    [error.type, error.title, error.status, error.detail, error.code, error.requestId, error.message],
    [body.type, body.title, 415, body.detail, "not-ooxml", "r-42", "The file is a PDF."],
  );
});

test("a 413 answer becomes a DocumentTooLargeError", async () => {
  const { fetchImpl } = fakeFetch(problem(413, { title: "Too large", status: 413, detail: "The limit is 20 MB.", code: "package-too-large" }));
  const error = await createClient({ baseUrl: "https://host", fetchImpl }).plan(docx).catch((e) => e);
  assert.ok(error instanceof DocumentTooLargeError);
  assert.match(error.message, /too large.*20 MB/);
});

test("an error answer without JSON still says its status", async () => {
  const { fetchImpl } = fakeFetch(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway", headers: { "Content-Type": "text/html" } }));
  const error = await createClient({ baseUrl: "https://host", fetchImpl }).health().catch((e) => e);
  assert.ok(error instanceof ProblemError);
  assert.equal(error.status, 502);
  assert.equal(error.message, "Bad Gateway");
});

test("a network failure becomes a BackendUnreachableError naming the address", async () => {
  const { fetchImpl } = fakeFetch(new TypeError("Failed to fetch"));
  const error = await createClient({ baseUrl: "https://nowhere:9", fetchImpl }).plan(docx).catch((e) => e);
  assert.ok(error instanceof BackendUnreachableError);
  assert.match(error.message, /https:\/\/nowhere:9 cannot be reached/);
});

function memoryStorage() {
  const store = new Map();
  return { store, getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
}

test("settings default to the pane's origin and round-trip, the token only in session storage by default", () => {
  const local = memoryStorage();
  const session = memoryStorage();
  assert.deepEqual(loadSettings(local, session, "https://localhost:8443"), { baseUrl: "https://localhost:8443", token: "", remember: false });
  saveSettings(local, session, { baseUrl: " https://contracts.example.com/ ", token: " t0ken " });
  assert.deepEqual(loadSettings(local, session, "https://localhost:8443"), { baseUrl: "https://contracts.example.com", token: "t0ken", remember: false });
  assert.ok(!local.store.get("noai.settings").includes("t0ken"));
  assert.deepEqual(loadSettings(local, memoryStorage(), "https://x").token, ""); // Word closed: the session is gone
  local.store.set("noai.settings", "{broken");
  assert.equal(loadSettings(local, session, "https://x").baseUrl, "https://x");
});

test("a token an older pane left in local storage is removed, not used", () => {
  const local = memoryStorage();
  local.store.set("noai.settings", JSON.stringify({ baseUrl: "https://a", token: "old" }));
  assert.deepEqual(loadSettings(local, memoryStorage(), "https://x"), { baseUrl: "https://a", token: "", remember: false });
  assert.ok(!local.store.get("noai.settings").includes("old"));
});

test("a token the user asks to remember is kept in local storage and leaves the session", () => {
  const local = memoryStorage();
  const session = memoryStorage();
  saveSettings(local, session, { baseUrl: "https://a", token: "first", remember: false });
  saveSettings(local, session, { baseUrl: "https://a", token: "kept", remember: true });
  assert.equal(session.store.size, 0);
  assert.deepEqual(loadSettings(local, memoryStorage(), "https://x"), { baseUrl: "https://a", token: "kept", remember: true });
});

test("the connection check asks for the clause list, which needs the token", async () => {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push([url, init.headers.Authorization]);
    return new Response(JSON.stringify({ clauses: [{ id: "a" }, { id: "b" }] }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  const count = await createClient({ baseUrl: "https://s", token: "t", fetchImpl }).check();
  assert.equal(count, 2);
  assert.deepEqual(calls, [["https://s/api/v1/clauses", "Bearer t"]]);
});
