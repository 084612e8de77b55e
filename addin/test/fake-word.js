// A small fake of Word's JavaScript API (Word.RequestContext and the objects the pane uses):
// body.paragraphs, Paragraph.search/insertParagraph/getRange/select/attachToList,
// Range.insertText/insertComment/expandTo/insertParagraph, Document.changeTrackingMode,
// getSelection, Body.getOoxml, load/sync. Like Word, collection items and ClientResult values
// are readable only after load() and context.sync(), and search text over 255 characters fails.
// Every edit is logged with the tracking mode in force when it was made; searches, selections
// and mode switches are logged without one.

const SEARCH_LIMIT = 255;

class Loadable {
  constructor(context) {
    this.context = context;
    this.loaded = false;
  }

  load() {
    this.context.pending.add(this);
    return this;
  }
}

class RangeCollection extends Loadable {
  constructor(context, ranges) {
    super(context);
    this.ranges = ranges;
  }

  get items() {
    if (!this.loaded) throw new Error("PropertyNotLoaded: items of a RangeCollection read before load() and sync()");
    return this.ranges;
  }
}

class Font {
  constructor(owner) {
    this.owner = owner;
  }

  set bold(value) {
    this.owner.context.record("bold", { text: this.owner.text, value });
  }
}

export class FakeRange extends Loadable {
  constructor(context, paragraph, start, end) {
    super(context);
    this.paragraph = paragraph;
    this.start = start;
    this.end = end;
    this.font = new Font(this);
  }

  get text() {
    return this.paragraph.text.slice(this.start, this.end);
  }

  insertText(text, location) {
    if (location !== "Replace") throw new Error(`fake insertText supports "Replace" only, got ${location}`);
    const p = this.paragraph;
    this.context.record("insertText", { text, replaced: this.text, paragraph: p.index });
    p.text = p.text.slice(0, this.start) + text + p.text.slice(this.end);
    return new FakeRange(this.context, p, this.start, this.start + text.length);
  }

  insertComment(text) {
    this.context.record("insertComment", { text, on: this.text, paragraph: this.paragraph.index });
    return { text };
  }

  insertParagraph(text, location) {
    return this.paragraph.insertParagraph(text, location);
  }

  expandTo(other) {
    if (other.paragraph !== this.paragraph) throw new Error("fake expandTo works inside one paragraph");
    return new FakeRange(this.context, this.paragraph, Math.min(this.start, other.start), Math.max(this.end, other.end));
  }

  select() {
    this.context.record("select", { text: this.text, paragraph: this.paragraph.index }, false);
  }
}

export class FakeParagraph extends Loadable {
  constructor(context, spec) {
    super(context);
    const { text, style = "Normal", styleBuiltIn = "Normal", list = null } = typeof spec === "string" ? { text: spec } : spec;
    this.text = text;
    this.style = style;
    this.styleBuiltIn = styleBuiltIn;
    this.list = list; // {id, level} or null
    this.font = new Font(this);
  }

  get index() {
    return this.context.paragraphs.indexOf(this);
  }

  get isListItem() {
    return this.list !== null;
  }

  get listOrNullObject() {
    return Object.assign(new Loadable(this.context), { isNullObject: !this.list, id: this.list?.id });
  }

  get listItemOrNullObject() {
    return Object.assign(new Loadable(this.context), { isNullObject: !this.list, level: this.list?.level });
  }

  insertParagraph(text, location) {
    if (location !== "After" && location !== "Before") throw new Error(`bad location ${location}`);
    const created = new FakeParagraph(this.context, { text });
    const at = this.index + (location === "After" ? 1 : 0);
    this.context.paragraphs.splice(at, 0, created);
    this.context.record("insertParagraph", { text, location, after: this.text });
    return created;
  }

  search(text, options = {}) {
    this.context.record("search", { text, options }, false);
    if (text.length > SEARCH_LIMIT) throw new Error("SearchStringInvalidOrTooLong");
    const needle = text.replace(/\^\^/g, "^");
    const haystack = options.matchCase ? this.text : this.text.toLowerCase();
    const wanted = options.matchCase ? needle : needle.toLowerCase();
    const ranges = [];
    for (let at = haystack.indexOf(wanted); at !== -1 && wanted; at = haystack.indexOf(wanted, at + wanted.length)) {
      ranges.push(new FakeRange(this.context, this, at, at + wanted.length));
    }
    return new RangeCollection(this.context, ranges);
  }

  getRange() {
    return new FakeRange(this.context, this, 0, this.text.length);
  }

  attachToList(id, level) {
    this.context.record("attachToList", { id, level, text: this.text });
    this.list = { id, level };
  }

  detachFromList() {
    this.context.record("detachFromList", { text: this.text });
    this.list = null;
  }

  select() {
    this.getRange().select();
  }
}

class ParagraphCollection extends RangeCollection {
  get items() {
    if (!this.loaded) throw new Error("PropertyNotLoaded: body.paragraphs read before load() and sync()");
    return [...this.context.paragraphs];
  }
}

/** A loadable collection of plain objects (tracked changes, comments, replies): items after load() and sync(). */
class ItemCollection extends Loadable {
  constructor(context, objects, what) {
    super(context);
    this.objects = objects;
    this.what = what;
  }

  get items() {
    if (!this.loaded) throw new Error(`PropertyNotLoaded: items of ${this.what} read before load() and sync()`);
    return this.objects;
  }
}

/**
 * A fake Word.RequestContext over paragraphs given as strings or {text, style, styleBuiltIn, list};
 * `tracked` [{type, text, author}] are the body's tracked changes (Body.getTrackedChanges, accept()),
 * `comments` [{content, replies: [content]}] its comment threads (Body.getComments, Comment.reply).
 */
export class FakeContext {
  constructor(paragraphs, { ooxml = "<pkg:package/>", cursor = null, tracked = [], comments = [] } = {}) {
    this.pending = new Set();
    this.log = [];
    this.syncs = 0;
    this.mode = "Off";
    this.paragraphs = paragraphs.map((spec) => new FakeParagraph(this, spec));
    this.tracked = tracked.map((t) => ({ ...t, accepted: false }));
    this.comments = comments.map((c) => ({ content: c.content, replies: [...(c.replies ?? [])] }));
    const context = this;
    this.document = {
      get changeTrackingMode() {
        return context.mode;
      },
      set changeTrackingMode(mode) {
        context.mode = mode;
        context.record("changeTrackingMode", { value: mode }, false);
      },
      body: {
        paragraphs: new ParagraphCollection(this, []),
        getOoxml() {
          const result = new Loadable(context);
          context.pending.add(result);
          return Object.defineProperty(result, "value", {
            get() {
              if (!result.loaded) throw new Error("PropertyNotLoaded: getOoxml() value read before sync()");
              return ooxml;
            },
          });
        },
        getTrackedChanges() {
          const pending = context.tracked.filter((t) => !t.accepted);
          return new ItemCollection(context, pending.map((t) => ({
            ...t,
            accept() {
              t.accepted = true;
              context.record("acceptTrackedChange", { type: t.type, text: t.text, author: t.author });
            },
          })), "a TrackedChangeCollection");
        },
        getComments() {
          return new ItemCollection(context, context.comments.map((c) => ({
            content: c.content,
            // Loaded with the comments (load("items/replies/items/content")), as Word does.
            replies: Object.assign(new Loadable(context), { loaded: true, items: c.replies.map((content) => ({ content })) }),
            reply(text) {
              c.replies.push(text);
              context.record("reply", { text, to: c.content });
              return { content: text };
            },
          })), "a CommentCollection");
        },
      },
      getSelection() {
        const paragraph = context.paragraphs[cursor ?? 0];
        return new FakeRange(context, paragraph, paragraph.text.length, paragraph.text.length);
      },
    };
  }

  /** Log an operation; edits (the default) carry the tracking mode they were made under. */
  record(op, details, isEdit = true) {
    this.log.push({ op, ...details, ...(isEdit ? { mode: this.mode } : {}) });
  }

  /** The logged edits (everything but searches, selections and mode switches). */
  get edits() {
    return this.log.filter((entry) => "mode" in entry);
  }

  get texts() {
    return this.paragraphs.map((p) => p.text);
  }

  async sync() {
    this.syncs += 1;
    for (const object of this.pending) object.loaded = true;
    this.pending.clear();
  }
}
