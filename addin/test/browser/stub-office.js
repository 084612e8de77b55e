// Stand-in for Microsoft's office.js in the browser test (served in place of the CDN URL).
// Office: onReady with host Word, WordApi up to 1.4, getFileAsync over the test document's
// bytes (/__stub__/document.docx) in 64 KB slices. Word.run: the node tests' fake Word
// (/__stub__/fake-word.js) over the document's paragraph texts (/__stub__/paragraphs.json),
// exposed as window.__word so the test can read what the pane did.
(function () {
  "use strict";
  const SLICE = 65536;
  const done = (callback, value) => setTimeout(() => callback({ status: "succeeded", value }), 0);

  const ready = Promise.all([
    import(new URL("/__stub__/fake-word.js", location.href).href), // absolute: this script is cross-origin
    fetch("/__stub__/paragraphs.json").then((r) => r.json()),
  ]).then(([fake, paragraphs]) => {
    const context = new fake.FakeContext(paragraphs, { cursor: 0 });
    window.__word = context;
    window.Word = { run: async (batch) => batch(context) };
  });

  function getFileAsync(type, options, callback) {
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
      document: { getFileAsync },
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
