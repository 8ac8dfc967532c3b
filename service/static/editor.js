/* orbitcheck editor page. Plain JavaScript, no build step, no dependencies: the service serves this file as is.
 *
 * The page is a client of POST /v1/check like any other. It keeps the draft in a contenteditable element and,
 * after a check, rebuilds that element as text nodes and <mark> elements (one per finding, nested where
 * findings nest), so highlights are real elements in place and the draft stays editable.
 *
 * Offsets: the API gives start_utf16/end_utf16, which is how JavaScript strings count; code points are only a
 * fallback for an older service.
 */
(function () {
  "use strict";

  var VERDICTS = ["consistent", "supported", "inconsistent", "contradicted", "ambiguous", "unverified"];
  // Four tones an editor can tell apart without colour: an icon and an underline style each (see editor.css).
  var TONES = {
    wrong: { icon: "\u2717", label: "Wrong" },
    warn: { icon: "!", label: "Check this" },
    unknown: { icon: "?", label: "Unverified" },
    ok: { icon: "\u2713", label: "Verified" },
  };
  var TONE_RANK = { wrong: 3, warn: 2, unknown: 1, ok: 0 };
  var SEVERITY_RANK = { error: 2, warning: 1, info: 0 };
  var FIELD_NAMES = { text: "the draft", published: "the publication date", checks: "the checks" };
  var TIMEOUT_MS = 30000;
  var STORE_KEY = "orbitcheck.draft";

  var els = {};
  var state = {
    findings: [],      // the last answer's findings, each with index, tone, s16/e16 (UTF-16 offsets)
    checkedText: null, // the text those findings point into
    published: "",
    checks: null,
    selected: -1,
    busy: false,
    report: "",
    reselectAt: -1,    // after Apply: show the finding at this offset once the recheck lands
  };

  // Severity wins over verdict: a daylight-time slip is "inconsistent" but only a warning, so amber, not red.
  function toneOf(finding) {
    if (finding.verdict === "ambiguous" || finding.severity === "warning") return "warn";
    if (finding.verdict === "inconsistent" || finding.verdict === "contradicted") return "wrong";
    if (finding.verdict === "consistent" || finding.verdict === "supported") return "ok";
    return "unknown";
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "className") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* ---------- the draft as text ---------- */

  var BLOCKS = /^(DIV|P|LI|UL|OL|PRE|BLOCKQUOTE|H[1-6]|SECTION|ARTICLE|TABLE|TR)$/;

  // The draft's text, and the text offset of each DOM boundary point in `points` (-1 when not found).
  // Browsers write new lines as <div>s, <br>s or "\n" depending on how the text got there: a block starts a
  // new line, a <br> ends one, and the <br> a browser leaves at the end of a block only holds the line open.
  function readDraft(root, points) {
    points = points || [];
    var text = "";
    var lineOpen = false;  // the current line has content
    var pending = false;   // a block just closed: its line break is written only if anything follows
    var found = points.map(function () { return -1; });

    function settle() {
      if (pending) { text += "\n"; pending = false; }
    }

    function at(node, offset) {
      points.forEach(function (p, k) {
        if (found[k] < 0 && p.node === node && p.offset === offset) found[k] = text.length;
      });
    }

    function walk(node) {
      for (var i = 0; i < node.childNodes.length; i++) {
        at(node, i);
        var child = node.childNodes[i];
        if (child.nodeType === Node.TEXT_NODE) {
          if (!child.data.length) continue;
          settle();
          points.forEach(function (p, k) {
            if (found[k] < 0 && p.node === child) found[k] = text.length + Math.min(p.offset, child.data.length);
          });
          text += child.data;
          lineOpen = child.data[child.data.length - 1] !== "\n";
        } else if (child.nodeName === "BR") {
          var placeholder = child === node.lastChild && child.previousSibling !== null &&
            (node === root || BLOCKS.test(node.nodeName));
          if (placeholder) continue;
          settle();
          text += "\n";
          lineOpen = false;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          var block = BLOCKS.test(child.nodeName);
          if (block) {
            settle();
            if (lineOpen) { text += "\n"; lineOpen = false; }
          }
          walk(child);
          if (block && lineOpen) { pending = true; lineOpen = false; }
        }
      }
      at(node, node.childNodes.length);
    }

    walk(root);
    return { text: text, offsets: found };
  }

  // The DOM point at a text offset inside `root`, which holds only text nodes and marks (what render built).
  function pointAt(root, offset) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var pos = 0;
    var last = null;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (offset <= pos + node.data.length) return { node: node, offset: offset - pos };
      pos += node.data.length;
      last = node;
    }
    return last ? { node: last, offset: last.data.length } : { node: root, offset: root.childNodes.length };
  }

  function caretOffset() {
    var sel = window.getSelection();
    if (!sel.rangeCount || !els.draft.contains(sel.focusNode)) return -1;
    return readDraft(els.draft, [{ node: sel.focusNode, offset: sel.focusOffset }]).offsets[0];
  }

  function setCaret(offset) {
    var p = pointAt(els.draft, offset);
    var range = document.createRange();
    range.setStart(p.node, p.offset);
    range.collapse(true);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function insertPlainText(text) {
    // execCommand keeps the browser's undo history for a paste; it is the only API that does, deprecated or
    // not. The fallback edits the DOM directly.
    if (document.execCommand && document.execCommand("insertText", false, text)) return;
    var sel = window.getSelection();
    if (!sel.rangeCount) return;
    var range = sel.getRangeAt(0);
    range.deleteContents();
    var node = document.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
    els.draft.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /* ---------- offsets ---------- */

  // UTF-16 offset of a code-point offset: astral characters (emoji) take two units in a JS string.
  function utf16Of(text, codePoint) {
    var units = 0;
    var seen = 0;
    while (seen < codePoint && units < text.length) {
      var c = text.charCodeAt(units);
      units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      seen += 1;
    }
    return units;
  }

  function prepare(finding, index, text) {
    var s = typeof finding.start_utf16 === "number" ? finding.start_utf16 : utf16Of(text, finding.start);
    var e = typeof finding.end_utf16 === "number" ? finding.end_utf16 : utf16Of(text, finding.end);
    var f = Object.assign({}, finding);
    f.index = index;
    f.tone = toneOf(finding);
    f.s16 = Math.max(0, Math.min(s, text.length));
    f.e16 = Math.max(f.s16, Math.min(e, text.length));
    return f;
  }

  /* ---------- highlights ---------- */

  // Findings nest when one span holds another; a span that only overlaps the one before it is cut at that
  // one's end, so every finding still gets exactly one mark.
  function markTree(findings) {
    var sorted = findings.slice().sort(function (a, b) {
      return a.s16 - b.s16 || b.e16 - a.e16 || a.index - b.index;
    });
    var roots = [];
    var stack = [];
    sorted.forEach(function (f) {
      while (stack.length && stack[stack.length - 1].end <= f.s16) stack.pop();
      var parent = stack[stack.length - 1];
      var node = { f: f, start: f.s16, end: parent ? Math.min(f.e16, parent.end) : f.e16, children: [] };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
    });
    return roots;
  }

  // The stable hooks a highlight and its list item share (README, "The editor's page"), plus `extra`.
  function hooks(f, extra) {
    var attrs = {
      "data-verdict": f.verdict,
      "data-check": f.check,
      "data-severity": f.severity,
      "data-tone": f.tone,
      "data-index": f.index,
    };
    Object.keys(extra).forEach(function (name) { attrs[name] = extra[name]; });
    return attrs;
  }

  function markFor(f) {
    var tone = TONES[f.tone];
    return el("mark", hooks(f, { title: tone.label + " (" + f.verdict + "): " + f.message }));
  }

  function renderDraft(text, findings) {
    var frag = document.createDocumentFragment();
    function emit(parent, from, to, nodes) {
      var pos = from;
      nodes.forEach(function (n) {
        if (n.start > pos) parent.append(text.slice(pos, n.start));
        var mark = markFor(n.f);
        emit(mark, n.start, n.end, n.children);
        n.f.markText = text.slice(n.start, n.end);
        parent.append(mark);
        pos = Math.max(pos, n.end);
      });
      if (to > pos) parent.append(text.slice(pos, to));
    }
    emit(frag, 0, text.length, markTree(findings));
    var caret = document.activeElement === els.draft ? caretOffset() : -1;
    els.draft.replaceChildren(frag);
    if (caret >= 0) setCaret(caret);
  }

  function markOf(index) {
    return els.draft.querySelector('mark[data-index="' + index + '"][data-verdict]');
  }

  // A highlight whose text the editor changed no longer says anything true: drop its colour, keep the element
  // (removing it would move the caret), and flag its list item.
  function retireMark(mark) {
    ["data-verdict", "data-check", "data-tone", "data-severity", "data-index", "title"].forEach(function (a) {
      mark.removeAttribute(a);
    });
    mark.className = "edited";
  }

  function retireEditedMarks() {
    els.draft.querySelectorAll("mark[data-verdict]").forEach(function (mark) {
      var f = state.findings[Number(mark.dataset.index)];
      if (f && mark.textContent === f.markText) return;
      retireMark(mark);
      var item = f && els.findings.querySelector('li[data-index="' + f.index + '"]');
      if (item) item.dataset.edited = "true";
    });
  }

  /* ---------- the list, the counts, the details ---------- */

  function ordered(findings) {
    var bySeverity = els.order.value === "severity";
    return findings.slice().sort(function (a, b) {
      var position = a.s16 - b.s16 || b.e16 - a.e16;
      var severity = (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0);
      if (bySeverity) return TONE_RANK[b.tone] - TONE_RANK[a.tone] || severity || position || a.index - b.index;
      return position || severity || a.index - b.index;
    });
  }

  function renderList() {
    var items = ordered(state.findings).map(function (f) {
      var tone = TONES[f.tone];
      return el("li", hooks(f, {
        tabindex: "0",
        "aria-current": f.index === state.selected ? "true" : null,
      }), [
        el("span", { className: "icon", "aria-hidden": "true", text: tone.icon }),
        el("span", { className: "item-body" }, [
          el("span", { className: "item-head" }, [
            el("strong", { text: tone.label }),
            " " + f.verdict + " \u00b7 ",
            el("code", { text: f.check }),
            " \u00b7 line " + f.line,
          ]),
          el("q", { className: "claim", text: f.text }),
          el("span", { className: "item-message", text: f.message }),
        ]),
      ]);
    });
    els.findings.replaceChildren.apply(els.findings, items);
    els.empty.hidden = state.findings.length > 0 || state.checkedText === null;
    if (state.checkedText !== null && !state.findings.length) {
      els.empty.hidden = false;
      els.empty.textContent = "No checkable claims found in this draft.";
    }
  }

  function countsByVerdict(findings) {
    var counts = {};
    VERDICTS.forEach(function (v) { counts[v] = 0; });
    findings.forEach(function (f) { counts[f.verdict] = (counts[f.verdict] || 0) + 1; });
    return counts;
  }

  function renderCounts() {
    var counts = countsByVerdict(state.findings);
    var chips = Object.keys(counts).map(function (verdict) {
      var tone = toneOf({ verdict: verdict, severity: "info" });
      return el("li", { "data-verdict": verdict, "data-tone": tone, "data-count": counts[verdict] }, [
        el("span", { className: "icon", "aria-hidden": "true", text: TONES[tone].icon }),
        el("span", { className: "count", text: String(counts[verdict]) }),
        " " + verdict,
      ]);
    });
    els.counts.replaceChildren.apply(els.counts, chips);
  }

  function isUrl(value) {
    return typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value);
  }

  function humanKey(key) {
    return String(key).replace(/_/g, " ");
  }

  // Nested details flattened to one row per value, "sides \u203a figures \u203a converted: 22323.4", so deep
  // structures stay readable in a narrow panel; a list of one item needs no number.
  function flatten(value, path, rows) {
    if (Array.isArray(value) && value.some(function (v) { return v && typeof v === "object"; })) {
      value.forEach(function (v, i) {
        flatten(v, value.length > 1 ? path.concat(String(i + 1)) : path, rows);
      });
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      Object.keys(value).forEach(function (key) { flatten(value[key], path.concat(humanKey(key)), rows); });
    } else {
      rows.push([path.join(" \u203a "), value]);
    }
    return rows;
  }

  function leaf(value) {
    if (isUrl(value)) return el("a", { href: value, target: "_blank", rel: "noopener noreferrer", text: value });
    if (Array.isArray(value)) return document.createTextNode(value.length ? value.map(String).join(", ") : "none");
    return document.createTextNode(value === null || value === undefined ? "\u2014" : String(value));
  }

  function renderValue(value) {
    var rows = [];
    flatten(value, [], []).forEach(function (row) {
      rows.push(el("dt", { text: row[0] || "value" }));
      rows.push(el("dd", null, [leaf(row[1])]));
    });
    return el("dl", null, rows);
  }

  // The first object in the evidence that carries a link, with its title if it has one.
  function sourceOf(value) {
    if (!value || typeof value !== "object") return null;
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      if (isUrl(value[keys[i]])) {
        var title = value.title || value.name;
        return { url: value[keys[i]], title: typeof title === "string" ? title : "" };
      }
    }
    for (i = 0; i < keys.length; i++) {
      var found = sourceOf(value[keys[i]]);
      if (found) return found;
    }
    return null;
  }

  /* ---------- applying a suggestion ---------- */

  // What the fix replaces inside the claim's highlight, in UTF-16 units as JavaScript counts: the check's
  // own Finding.fix (the API's suggestion_start_utf16/suggestion_end_utf16), never a guess. Null when the
  // check offers no fix: then there is no Apply button.
  function fixWindow(f) {
    if (!f.fix || typeof f.suggestion_start_utf16 !== "number" || typeof f.start_utf16 !== "number") return null;
    return [f.suggestion_start_utf16 - f.start_utf16, f.suggestion_end_utf16 - f.start_utf16];
  }

  function applySuggestion(f) {
    var mark = markOf(f.index);
    var win = fixWindow(f);
    if (!mark || !win) return;
    var start = pointAt(mark, win[0]);
    var end = pointAt(mark, win[1]);
    els.draft.focus();
    var range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    var markStart = readDraft(els.draft, [{ node: start.node, offset: start.offset }]).offsets[0];
    var before = f.markText.slice(win[0], win[1]);
    insertPlainText(f.fix.replacement);
    state.reselectAt = markStart;
    say("Replaced \u201c" + before + "\u201d with \u201c" + f.fix.replacement + "\u201d. Checking again\u2026");
    runCheck();
  }

  function renderDetails(f) {
    var tone = TONES[f.tone];
    var details = f.details && typeof f.details === "object" ? f.details : {};
    var rest = {};
    Object.keys(details).forEach(function (key) {
      if (key !== "evidence") rest[key] = details[key];
    });
    var close = el("button", { type: "button", className: "close", "aria-label": "Close the details", text: "\u00d7" });
    close.addEventListener("click", closeDetails);
    var parts = [
      close,
      el("h3", { id: "details-title", "data-tone": f.tone }, [
        el("span", { className: "icon", "aria-hidden": "true", text: tone.icon }),
        " " + tone.label + " ",
        el("span", { className: "verdict", text: "(" + f.verdict + ", " + f.severity + ")" }),
      ]),
      el("p", { className: "claim-line" }, [
        el("q", { className: "claim", text: f.text }),
        el("span", { className: "where", text: " line " + f.line + ", column " + f.column + " \u00b7 " }),
        el("code", { text: f.check }),
      ]),
      el("p", { className: "message", id: "details-message", text: f.message }),
    ];
    if (f.suggestion) {
      var win = fixWindow(f);
      var intact = !!markOf(f.index);
      var from = win ? (f.markText || f.text).slice(win[0], win[1]) : "";
      var fix = el("div", { className: "fix" }, [
        el("p", null, win ? [
          "Suggestion: ", el("del", { text: from }), " \u2192 ", el("ins", { text: f.fix.replacement }),
        ] : ["Suggestion: ", el("ins", { text: f.suggestion })]),
      ]);
      if (win && intact) {
        var button = el("button", { type: "button", id: "apply", className: "primary", text: "Apply" });
        button.addEventListener("click", function () { applySuggestion(f); });
        fix.append(button);
      } else if (win) {
        fix.append(el("p", { className: "note", text: "This claim was edited after the check; check again to apply." }));
      }
      parts.push(fix);
    }
    if (Object.keys(rest).length) {
      parts.push(el("h4", { text: "How it was checked" }));
      parts.push(el("div", { className: "arithmetic" }, [renderValue(rest)]));
    }
    if (details.evidence !== undefined && details.evidence !== null) {
      var source = sourceOf(details.evidence);
      parts.push(el("h4", { text: "Evidence" }));
      parts.push(el("div", { className: "evidence" }, [
        source ? el("p", null, [el("a", {
          className: "source", href: source.url, target: "_blank", rel: "noopener noreferrer",
          text: "Open the source" + (source.title ? ": " + source.title : ""),
        })]) : null,
        renderValue(details.evidence),
      ]));
    }
    els.details.replaceChildren.apply(els.details, parts);
    els.details.setAttribute("aria-labelledby", "details-title");
    els.details.dataset.index = f.index;
    els.details.hidden = false;
  }

  function select(index, from) {
    var f = state.findings[index];
    if (!f) return;
    state.selected = index;
    els.findings.querySelectorAll("li[aria-current]").forEach(function (li) { li.removeAttribute("aria-current"); });
    els.draft.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var item = els.findings.querySelector('li[data-index="' + index + '"]');
    if (item) item.setAttribute("aria-current", "true");
    var mark = markOf(index);
    if (mark) mark.classList.add("current");
    renderDetails(f);
    document.body.classList.add("details-open");
    var smooth = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    // At phone width the details are a sheet over the lower half: lift the highlight above it.
    var sheet = window.getComputedStyle(els.details).position === "fixed";
    if (mark && (from === "list" || (from === "mark" && sheet))) {
      mark.scrollIntoView({ block: sheet ? "start" : "center", behavior: smooth });
    }
    // Only the list's own scroll box moves: scrolling the window would pull the draft away from the caret.
    if (from !== "list" && item) scrollWithin(els.findings, item);
  }

  /* ---------- overlapping findings: a popover listing every finding under the cursor ---------- */

  // Every finding whose span holds text offset `at` (UTF-16), plus the marks `mark` sits in (a span cut where
  // it overlaps the one before it still covers the words after the cut): narrowest first.
  function findingsAt(at, mark) {
    var hit = {};
    state.findings.forEach(function (f) {
      if (at >= 0 && f.s16 <= at && at < f.e16 && markOf(f.index)) hit[f.index] = f;
    });
    for (var m = mark; m && els.draft.contains(m); m = m.parentElement && m.parentElement.closest("mark[data-verdict]")) {
      var f = state.findings[Number(m.dataset.index)];
      if (f) hit[f.index] = f;
    }
    return Object.keys(hit).map(function (k) { return hit[k]; }).sort(function (a, b) {
      return (a.e16 - a.s16) - (b.e16 - b.s16) || a.s16 - b.s16 || a.index - b.index;
    });
  }

  function closeOverlap(refocus) {
    if (!els.overlap || els.overlap.hidden) return;
    els.overlap.hidden = true;
    els.overlap.replaceChildren();
    if (refocus) els.draft.focus({ preventScroll: true });
  }

  // Lists `findings` (two or more) next to `anchor`; each is a button that opens that finding's details.
  function openOverlap(findings, anchor, focusFirst) {
    var buttons = findings.map(function (f) {
      var tone = TONES[f.tone];
      var button = el("button", hooks(f, {
        type: "button", role: "menuitem", className: "overlap-item",
        "aria-current": f.index === state.selected ? "true" : null,
      }), [
        el("span", { className: "icon", "aria-hidden": "true", text: tone.icon }),
        el("strong", { text: tone.label }), " " + f.verdict + " \u00b7 ",
        el("code", { text: f.check }), el("q", { className: "claim", text: f.text }),
      ]);
      button.addEventListener("click", function () {
        closeOverlap(false);
        select(f.index, "mark");
      });
      return el("li", { role: "none" }, [button]);
    });
    els.overlap.replaceChildren(
      el("p", { className: "overlap-title", id: "overlap-title", text: findings.length + " findings here" }),
      el("ul", { role: "menu", "aria-labelledby": "overlap-title" }, buttons));
    var box = anchor.getBoundingClientRect();
    els.overlap.style.left = Math.max(4, Math.min(box.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - 320)) + "px";
    els.overlap.style.top = (box.bottom + window.scrollY + 6) + "px";
    els.overlap.hidden = false;
    if (focusFirst) els.overlap.querySelector("button").focus();
  }

  function overlapAtCaret() {
    var at = caretOffset();
    var sel = window.getSelection();
    var node = sel.focusNode && (sel.focusNode.nodeType === Node.ELEMENT_NODE ? sel.focusNode : sel.focusNode.parentElement);
    var mark = node && node.closest && node.closest("mark[data-verdict]");
    return { findings: findingsAt(at, mark), mark: mark };
  }

  function scrollWithin(box, item) {
    var outer = box.getBoundingClientRect();
    var inner = item.getBoundingClientRect();
    if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
    else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
  }

  function closeDetails() {
    state.selected = -1;
    els.details.hidden = true;
    document.body.classList.remove("details-open");
    els.findings.querySelectorAll("li[aria-current]").forEach(function (li) { li.removeAttribute("aria-current"); });
    els.draft.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
  }

  /* ---------- the report ---------- */

  function markdownReport() {
    var counts = countsByVerdict(state.findings);
    var summary = VERDICTS.concat(Object.keys(counts).filter(function (v) { return VERDICTS.indexOf(v) < 0; }))
      .filter(function (v) { return counts[v]; })
      .map(function (v) { return counts[v] + " " + v; });
    var lines = [
      "## orbitcheck report",
      "",
      "Publication date: " + (state.published || "not given") + ". Checks: " +
        (state.checks ? state.checks.join(", ") : "all") + ".",
      state.findings.length + " claims checked" + (summary.length ? ": " + summary.join(", ") + "." : "."),
      "",
    ];
    ordered(state.findings).forEach(function (f) {
      var tone = TONES[f.tone];
      var line = "- " + tone.icon + " **" + tone.label + "** (" + f.verdict + ", `" + f.check + "`, line " +
        f.line + "): \u201c" + f.text.replace(/\s+/g, " ") + "\u201d \u2014 " + f.message;
      if (f.suggestion) line += " Suggestion: \u201c" + f.suggestion + "\u201d.";
      lines.push(line);
    });
    return lines.join("\n") + "\n";
  }

  function copyReport() {
    var text = state.report;
    els.reportText.value = text;
    function fallback() {
      els.reportText.hidden = false;
      els.reportText.focus();
      els.reportText.select();
      say("Copying is blocked here: the report is selected below, press Ctrl+C (\u2318C on a Mac) to copy it.");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        els.reportText.hidden = true;
        say("Report copied: " + state.findings.length + " claims, in Markdown.");
      }, fallback);
    } else {
      fallback();
    }
  }

  /* ---------- talking to the service ---------- */

  function say(text) {
    els.status.textContent = text;
  }

  function showError(text) {
    els.message.textContent = text + " Your draft is unchanged.";
    els.message.hidden = false;
    document.body.dataset.checkState = "error";
  }

  function clearError() {
    els.message.hidden = true;
    els.message.textContent = "";
  }

  function fieldMessages(errors) {
    if (!errors || typeof errors !== "object") return "";
    return Object.keys(errors).map(function (field) {
      var messages = errors[field];
      var text = Array.isArray(messages) ? messages.join(" ") :
        messages && typeof messages === "object" ? fieldMessages(messages) : String(messages);
      return (FIELD_NAMES[field] || humanKey(field)) + ": " + text;
    }).join("; ");
  }

  function describeError(response, problem) {
    var status = response.status;
    var detail = problem && typeof problem.detail === "string" ? problem.detail : "";
    if (status === 413) {
      return "The draft is too long for this service to check in one go" + (detail ? " (" + detail + ")" : "") +
        ". Check it in parts, or ask whoever runs the service to raise the limit.";
    }
    if (status === 429) {
      var wait = Number(response.headers.get("Retry-After"));
      return "The service is busy: too many checks in a short time. " +
        (wait > 0 ? "Wait " + wait + " seconds" : "Wait a moment") + " and press Check again.";
    }
    if (status === 422) {
      var fields = fieldMessages(problem && problem.errors);
      return "The service could not check this: " + (fields || detail || "it rejected the request") + ".";
    }
    if (status === 401 || status === 403) {
      return els.apiKey.value.trim()
        ? "The service did not accept this API key. Check it, or ask whoever runs the service for one."
        : "This service needs an API key for checks: enter it in the \u201cAPI key\u201d field and press Check again.";
    }
    if (status >= 500) {
      return "The service failed while checking (error " + status + "). Try again in a moment; if it keeps " +
        "happening, tell whoever runs the service.";
    }
    return "The service refused the check (error " + status + (detail ? ": " + detail : "") + ").";
  }

  function selectedChecks() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('#checks input[name="check"]'));
    var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (!boxes.length || chosen.length === boxes.length) return null;
    return chosen;
  }

  function setBusy(busy) {
    state.busy = busy;
    els.check.disabled = busy;
    els.check.textContent = busy ? "Checking\u2026" : "Check";
    document.body.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy) document.body.dataset.checkState = "checking";
  }

  function runCheck() {
    if (state.busy) return;
    var text = readDraft(els.draft).text;
    clearError();
    if (!text.trim()) {
      showError("The draft is empty: paste or type something to check.");
      return;
    }
    var checks = selectedChecks();
    if (checks && !checks.length) {
      showError("No check is selected: choose at least one under \u201cChecks\u201d.");
      return;
    }
    var body = { text: text, include_passing: true };
    var published = els.published.value;
    if (published) body.published = published;
    if (checks) body.checks = checks;

    setBusy(true);
    say("Checking\u2026");
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var headers = { "Content-Type": "application/json", Accept: "application/json, application/problem+json" };
    // Kept only in the field: the key is never stored by the page.
    if (els.apiKey.value.trim()) headers["X-API-Key"] = els.apiKey.value.trim();
    fetch(document.body.dataset.checkUrl, {
      method: "POST",
      headers: headers,
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (payload) {
        if (!response.ok) {
          showError(describeError(response, payload));
          say("");
          if (response.status === 401 || response.status === 403) {
            els.keyField.hidden = false;
            els.apiKey.focus();
          }
          return;
        }
        if (!payload || !Array.isArray(payload.findings)) {
          showError("The service answered with something this page does not understand.");
          say("");
          return;
        }
        showResults(text, published, checks, payload.findings);
      });
    }, function (err) {
      showError(err && err.name === "AbortError"
        ? "The service took too long to answer. Try again in a moment."
        : "Could not reach the orbitcheck service: the network or the service is down. Press Check again once it is back.");
      say("");
    }).then(function () {
      if (timer) clearTimeout(timer);
      setBusy(false);
      if (document.body.dataset.checkState === "checking") document.body.dataset.checkState = "error";
    });
  }

  function showResults(text, published, checks, findings) {
    state.findings = findings.filter(function (f) { return !f.suppressed; }).map(function (f, i) {
      return prepare(f, i, text);
    });
    state.checkedText = text;
    state.published = published;
    state.checks = checks;
    state.selected = -1;
    var current = readDraft(els.draft).text;
    if (current === text) {
      renderDraft(text, state.findings);
      els.stale.hidden = true;
    } else {
      // Typed while the check ran: keep their text, show the list without marks, and retire the previous
      // check's marks, which would otherwise point at this check's findings.
      els.draft.querySelectorAll("mark[data-verdict]").forEach(retireMark);
      els.stale.hidden = false;
    }
    renderCounts();
    renderList();
    closeOverlap(false);
    closeDetails();
    els.details.replaceChildren();
    state.report = markdownReport();
    els.copy.disabled = false;
    els.reportText.hidden = true;
    var counts = { wrong: 0, warn: 0, unknown: 0, ok: 0 };
    state.findings.forEach(function (f) { counts[f.tone] += 1; });
    say("Checked " + state.findings.length + " claims: " + counts.wrong + " wrong, " + counts.warn +
      " to check, " + counts.unknown + " unverified, " + counts.ok + " verified.");
    document.body.dataset.checkState = "done";
    if (state.reselectAt >= 0) {
      var at = state.reselectAt;
      state.reselectAt = -1;
      var hit = state.findings.filter(function (f) { return f.s16 <= at && at <= f.e16; })
        .sort(function (a, b) { return (a.e16 - a.s16) - (b.e16 - b.s16); })[0];
      if (hit) select(hit.index, "mark");
    }
  }

  /* ---------- wiring ---------- */

  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function updateChecksSummary() {
    var chosen = selectedChecks();
    var total = document.querySelectorAll('#checks input[name="check"]').length;
    els.checksSummary.textContent = chosen ? chosen.length + " of " + total : "all";
  }

  var saveTimer = null;
  function saveDraftSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      try { window.sessionStorage.setItem(STORE_KEY, readDraft(els.draft).text); } catch (e) { /* storage off */ }
    }, 400);
  }

  function init() {
    ["draft", "published", "check", "counts", "findings", "details", "message", "status", "stale", "empty",
      "order"].forEach(function (id) { els[id] = document.getElementById(id); });
    els.copy = document.getElementById("copy-report");
    els.reportText = document.getElementById("report-text");
    els.checksSummary = document.getElementById("checks-summary");
    els.picker = document.getElementById("checks");
    els.keyField = document.getElementById("key-field");
    els.apiKey = document.getElementById("api-key");
    els.overlap = document.getElementById("overlap");
    document.body.append(els.overlap); // positioned against the page, wherever the draft sits
    if (els.apiKey.value) els.keyField.hidden = false; // filled in by the browser

    // plaintext-only keeps pasted formatting out of the draft where the browser supports it.
    try { els.draft.contentEditable = "plaintext-only"; } catch (e) { els.draft.contentEditable = "true"; }
    if (!els.published.value) els.published.value = today();
    try {
      var saved = window.sessionStorage.getItem(STORE_KEY);
      if (saved && !els.draft.textContent) els.draft.textContent = saved;
    } catch (e) { /* storage off */ }
    renderCounts();

    els.check.addEventListener("click", runCheck);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        runCheck();
      } else if (e.key === "Escape" && els.picker.open) {
        els.picker.open = false;
        els.picker.querySelector("summary").focus();
      } else if (e.key === "Escape" && !els.details.hidden) {
        closeDetails();
      }
    });
    // The check list is a drop-down: a click elsewhere folds it.
    document.addEventListener("click", function (e) {
      if (els.picker.open && !els.picker.contains(e.target)) els.picker.open = false;
    });
    els.draft.addEventListener("paste", function (e) {
      var text = e.clipboardData && e.clipboardData.getData("text/plain");
      if (text === null || text === undefined || text === "") return;
      e.preventDefault();
      insertPlainText(text.replace(/\r\n?/g, "\n"));
    });
    els.draft.addEventListener("input", function () {
      closeOverlap(false);
      saveDraftSoon();
      if (state.checkedText === null) return;
      retireEditedMarks();
      els.stale.hidden = readDraft(els.draft).text === state.checkedText;
    });
    els.draft.addEventListener("click", function (e) {
      var mark = e.target.closest && e.target.closest("mark[data-verdict]");
      if (!mark) { closeOverlap(false); return; }
      // The innermost finding opens at once; when others cover the same words, a popover lists them all.
      select(Number(mark.dataset.index), "mark");
      var here = findingsAt(caretOffset(), mark);
      if (here.length > 1) openOverlap(here, mark, false);
      else closeOverlap(false);
    });
    // Keyboard: Alt+Enter (or Shift+F10, the context-menu key) on a highlight lists every finding there.
    els.draft.addEventListener("keydown", function (e) {
      var menuKey = (e.key === "Enter" && e.altKey) || (e.key === "F10" && e.shiftKey) || e.key === "ContextMenu";
      if (!menuKey) return;
      var here = overlapAtCaret();
      if (!here.findings.length) return;
      e.preventDefault();
      if (here.findings.length === 1) select(here.findings[0].index, "caret");
      else openOverlap(here.findings, here.mark || els.draft, true);
    });
    els.overlap.addEventListener("keydown", function (e) {
      var buttons = Array.prototype.slice.call(els.overlap.querySelectorAll("button"));
      var at = buttons.indexOf(document.activeElement);
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        closeOverlap(true);
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var step = e.key === "ArrowDown" ? 1 : -1;
        buttons[(at + step + buttons.length) % buttons.length].focus();
      } else if (e.key === "Tab") {
        closeOverlap(false);
      }
    });
    document.addEventListener("click", function (e) {
      if (els.overlap.hidden || els.overlap.contains(e.target) || els.draft.contains(e.target)) return;
      closeOverlap(false);
    });
    // Keyboard users reach a highlight by moving the caret into it.
    document.addEventListener("selectionchange", function () {
      if (document.activeElement !== els.draft) return;
      var sel = window.getSelection();
      if (!sel.rangeCount || !sel.isCollapsed) return;
      var node = sel.focusNode && (sel.focusNode.nodeType === Node.ELEMENT_NODE ? sel.focusNode : sel.focusNode.parentElement);
      var mark = node && node.closest && node.closest("mark[data-verdict]");
      if (mark && els.draft.contains(mark) && Number(mark.dataset.index) !== state.selected) {
        select(Number(mark.dataset.index), "caret");
      }
    });
    els.findings.addEventListener("click", function (e) {
      var item = e.target.closest("li[data-index]");
      if (item) select(Number(item.dataset.index), "list");
    });
    els.findings.addEventListener("keydown", function (e) {
      var item = e.target.closest("li[data-index]");
      if (!item) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(Number(item.dataset.index), "list");
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var next = e.key === "ArrowDown" ? item.nextElementSibling : item.previousElementSibling;
        if (next) next.focus();
      }
    });
    els.order.addEventListener("change", function () {
      renderList();
      state.report = markdownReport();
    });
    document.querySelectorAll('#checks input[name="check"]').forEach(function (box) {
      box.addEventListener("change", updateChecksSummary);
    });
    els.copy.addEventListener("click", copyReport);
    document.body.dataset.checkState = "idle";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
