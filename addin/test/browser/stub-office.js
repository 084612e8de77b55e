// Stand-in for Microsoft's office.js in the browser test (served in place of the CDN URL).
// Office: onReady with host Word, WordApi up to 1.4, getFileAsync over the test document's
// bytes (/__stub__/document.docx) in 64 KB slices. Word.run: the node tests' fake Word
// (/__stub__/fake-word.js) over the document's paragraph texts (/__stub__/paragraphs.json),
// exposed as window.__word so the test can read what the pane did.
// Once the pane has edited the fake document, the stub cannot make a .docx of it: getFileAsync
// then fails as Word on the web sometimes does, and body.getOoxml() gives the paragraphs as they
// now are (tracked insertions in, as Word's current text) in a Flat OPC package.
(function () {
  "use strict";
  const SLICE = 65536;
  const done = (callback, value) => setTimeout(() => callback({ status: "succeeded", value }), 0);

  const ready = Promise.all([
    import(new URL("/__stub__/fake-word.js", location.href).href), // absolute: this script is cross-origin
    fetch("/__stub__/paragraphs.json").then((r) => r.json()),
  ]).then(([fake, paragraphs]) => {
    const context = new fake.FakeContext(paragraphs, { cursor: 0 });
    context.document.body.getOoxml = () => {
      const result = { value: flatOpc(context.texts) };
      return result;
    };
    window.__word = context;
    window.Word = { run: async (batch) => batch(context) };
  });

  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  function flatOpc(texts) {
    const body = texts.map((t) => `<w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`).join("");
    return '<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
      '</pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml" ' +
      'pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
      `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
  }

  function getFileAsync(type, options, callback) {
    if (window.__word?.edits.length) {
      setTimeout(() => callback({ status: "failed", error: { message: "the stub has no .docx of an edited document" } }), 0);
      return;
    }
    fetch("/__stub__/document.docx")
      .then((r) => r.arrayBuffer())
      .then((buffer) => {
        const bytes = new Uint8Array(buffer);
        const size = Math.min(options.sliceSize || SLICE, SLICE);
        const file = {
          size: bytes.length,
          sliceCount: Math.ceil(bytes.length / size),
          getSliceAsync(index, cb) {
            done(cb, { index, data: Array.from(bytes.subarray(index * size, (index + 1) * size)) });
          },
          closeAsync(cb) {
            window.__fileClosed = true;
            done(cb);
          },
        };
        done(callback, file);
      });
  }

  window.Office = {
    HostType: { Word: "Word" },
    FileType: { Compressed: "compressed" },
    context: {
      document: { getFileAsync, url: "https://contoso.sharepoint.com/Shared Documents/Agency agreement.docx" },
      requirements: { isSetSupported: (name, version) => name === "WordApi" && Number(version) <= 1.4 },
    },
    onReady(callback) {
      return ready.then(() => {
        const info = { host: "Word", platform: "PC" };
        if (callback) callback(info);
        return info;
      });
    },
  };
})();
