/* Passphrase protection of kept answers and answers files, and clearing kept answers.
 *
 * Crypto is the browser's WebCrypto: PBKDF2-SHA-256 (600,000 iterations) turns the
 * passphrase and a random salt into an AES-256-GCM key; each encryption uses a fresh
 * random IV. The passphrase lives only in this page's memory while protection is on.
 * The envelope format is documented on docs/privacy.md ("The protected file format").
 * Decrypted text goes to Python as before, which checks it like any answers file.
 *
 * Clearing: opened from disk, Firefox gives every file its own storage, so the planning
 * tools page cannot reach what a wizard page kept. "Clear all kept answers" therefore
 * opens each wizard page in turn (replacing the history entry each time), each clears
 * its own storage, and the last returns to the tools page to say it is done.
 *
 * Words: every text the shell shows comes from Python's catalog (track2guide/texts_page.py,
 * SHELL_TEXTS), written into the page as a JSON block by macros/safety.py. `t(name, values)`
 * here, shared with the other shell scripts as window.TRACK2_TEXT, reads it.
 */
(function () {
  "use strict";

  var FORMAT = "track2-protected";
  var VERSION = 1;
  var ITERATIONS = 600000;  // OWASP's 2023 floor for PBKDF2-SHA-256
  var MAX_ITERATIONS = 10000000;  // a file cannot make the browser work for minutes
  var SALT_BYTES = 16, IV_BYTES = 12, TAG_BYTES = 16;
  var STORE_PREFIX = "track2-wizard:";
  var WIZARD_PAGES = ["choose-process.html", "approach.html", "venue.html"];
  var CLEAR_MARK = "#t2-clear-all", CLEARED_MARK = "#t2-cleared";
  var MIN_PASSPHRASE = 8;  // characters

  /* ---- Words ---- */

  var texts = null;

  /* The catalog's text `name`, with its {field}s filled from `values`. */
  function t(name, values) {
    if (!texts) {
      var block = document.getElementById("t2-texts");
      texts = block ? JSON.parse(block.textContent) : {};
    }
    var template = Object.prototype.hasOwnProperty.call(texts, name) ? texts[name] : name;
    return template.replace(/\{(\w+)\}/g, function (field, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : field;
    });
  }

  /* ---- Bytes ---- */

  function toBase64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  function fromBase64(text, length) {
    if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw problem("format");
    var s = atob(text), out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    if (length && out.length !== length) throw problem("format");
    return out;
  }

  function random(n) { return crypto.getRandomValues(new Uint8Array(n)); }

  /* reason: "format" (not a protected file, or cut short), "version" (a newer format),
   * "passphrase" (wrong passphrase, or the file was changed: AES-GCM cannot tell which). */
  function problem(reason) {
    var e = new Error(reason);
    e.reason = reason;
    return e;
  }

  /* ---- Envelope ---- */

  function available() { return !!(window.crypto && crypto.subtle); }

  var keys = {};  // derived keys of this page, by salt and passphrase (never stored)

  function deriveKey(passphrase, salt, iterations) {
    var id = toBase64(salt) + ":" + iterations + ":" + passphrase;
    if (!keys[id]) {
      var raw = new TextEncoder().encode(passphrase.normalize("NFC"));
      keys[id] = crypto.subtle.importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
        return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations },
          base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      });
      keys[id].catch(function () { delete keys[id]; });
    }
    return keys[id];
  }

  function additionalData() { return new TextEncoder().encode(FORMAT + ":" + VERSION); }

  /* Encrypt `text`; `fixed` ({salt, iv} as bytes) only for known-answer tests. */
  async function encrypt(text, passphrase, fixed) {
    var salt = (fixed && fixed.salt) || random(SALT_BYTES);
    var iv = (fixed && fixed.iv) || random(IV_BYTES);
    var key = await deriveKey(passphrase, salt, ITERATIONS);
    var data = await crypto.subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: additionalData() },
      key, new TextEncoder().encode(text));
    return JSON.stringify({
      format: FORMAT, version: VERSION, kdf: "PBKDF2-SHA-256", iterations: ITERATIONS,
      salt: toBase64(salt), cipher: "AES-256-GCM", iv: toBase64(iv), data: toBase64(new Uint8Array(data)),
    }, null, 2) + "\n";
  }

  /* The parsed envelope if `text` is a protected file (of any version), else null. */
  function envelope(text) {
    if (typeof text !== "string" || text.indexOf(FORMAT) < 0) return null;
    try {
      var doc = JSON.parse(text);
      return doc && typeof doc === "object" && doc.format === FORMAT ? doc : null;
    } catch (e) {
      return null;
    }
  }

  /* Looks like a protected file but cannot be parsed whole: cut short, or changed by hand. */
  function looksProtected(text) {
    return typeof text === "string" && /^\s*\{\s*"format"\s*:\s*"track2-protected"/.test(text);
  }

  /* The checked parts of a protected file, or throws problem("format" | "version"). */
  function parse(text) {
    var doc = envelope(text);
    if (!doc) throw problem("format");
    if (doc.version !== VERSION) {
      throw problem(typeof doc.version === "number" && doc.version > VERSION ? "version" : "format");
    }
    if (doc.kdf !== "PBKDF2-SHA-256" || doc.cipher !== "AES-256-GCM" || !Number.isInteger(doc.iterations) ||
        doc.iterations < ITERATIONS || doc.iterations > MAX_ITERATIONS) throw problem("format");
    var parts = { iterations: doc.iterations, salt: fromBase64(doc.salt, SALT_BYTES),
                  iv: fromBase64(doc.iv, IV_BYTES), data: fromBase64(doc.data) };
    if (parts.data.length < TAG_BYTES) throw problem("format");
    return parts;
  }

  async function decrypt(text, passphrase) {
    var parts = parse(text), salt = parts.salt, iv = parts.iv, data = parts.data;
    var key = await deriveKey(passphrase, salt, parts.iterations);
    try {
      var plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: iv, additionalData: additionalData() }, key, data);
      return new TextDecoder("utf-8", { fatal: true }).decode(plain);
    } catch (e) {
      throw problem("passphrase");
    }
  }

  function message(error) {
    var reason = error && error.reason;
    if (reason === "format") return t("protect.format");
    if (reason === "version") return t("protect.version");
    if (reason === "passphrase") return t("protect.passphrase");
    return t("protect.other");
  }

  /* ---- The passphrase panel of one wizard ---- */

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") node.textContent = props[k]; else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  /* A passphrase field, made a password field only when first shown (masked): while a page
   * holds a password field, Firefox's password manager watches it and every history step of
   * the page costs 4-6 ms instead of 0.3 (measured, Firefox ESR), which a wizard pays on
   * each answer. Until then it sits, empty, in a hidden panel. */
  function field(label, autocomplete) {
    var input = el("input", { type: "text", spellcheck: "false", "data-autocomplete": autocomplete });
    return { input: input, label: el("label", { class: "t2-field" }, [el("span", { text: label }), input]) };
  }

  function masked(inputs) {
    inputs.forEach(function (input) {
      if (input.type === "password") return;
      input.type = "password";
      input.setAttribute("autocomplete", input.dataset.autocomplete);
    });
  }

  /* Panel: set a passphrase (kept answers and downloads are then encrypted), and ask for
   * one to open protected text. `say(kind, text)` shows messages in the wizard. */
  function Protector(box, say) {
    this.say = say;
    this.passphrase = null;
    this.sealKey = null;  // {salt} of the current passphrase, so each save reuses its key
    var toggle = el("button", { type: "button", class: "md-button t2-protect-toggle", "aria-expanded": "false",
      text: t("protect.toggle") });
    var first = field(t("protect.new", { min: MIN_PASSPHRASE }), "new-password");
    var again = field(t("protect.again"), "new-password");
    var use = el("button", { type: "button", class: "md-button md-button--primary", text: t("protect.use") });
    var stop = el("button", { type: "button", class: "md-button", text: t("protect.stop") });
    var set = el("div", { class: "t2-protect-set", role: "group", "aria-label": t("protect.group") },
      [el("p", { text: t("protect.explain") }), first.label, again.label, use, stop]);
    set.hidden = true;
    stop.hidden = true;
    var ask = field(t("protect.passphrase-label"), "current-password");
    var open = el("button", { type: "button", class: "md-button md-button--primary", text: t("protect.open") });
    var cancel = el("button", { type: "button", class: "md-button", text: t("protect.cancel") });
    var askText = el("p");
    var unlock = el("div", { class: "t2-unlock", role: "group", "aria-label": t("protect.unlock") },
      [askText, ask.label, open, cancel]);
    unlock.hidden = true;
    this.panel = el("div", { class: "t2-protect" }, [toggle, set, unlock]);
    var bar = box.querySelector(".t2-toolbar");
    bar.parentNode.insertBefore(this.panel, bar.nextSibling);
    this.els = { toggle: toggle, set: set, first: first.input, again: again.input, use: use, stop: stop,
                 unlock: unlock, ask: ask.input, open: open, cancel: cancel, askText: askText };
    var self = this;
    toggle.addEventListener("click", function () {
      if (set.hidden) masked([first.input, again.input]);
      set.hidden = !set.hidden;
      toggle.setAttribute("aria-expanded", String(!set.hidden));
      if (!set.hidden) (self.passphrase ? stop : first.input).focus();
    });
    use.addEventListener("click", function () { self.choose(); });
    [first.input, again.input].forEach(function (i) {
      i.addEventListener("keydown", function (e) { if (e.key === "Enter") self.choose(); });
    });
    stop.addEventListener("click", function () { self.forget(); self.onChange(); });
    if (!available()) toggle.disabled = true;
  }

  Protector.prototype.onChange = function () {};  // the wizard re-saves kept answers

  Protector.prototype.choose = function () {
    var a = this.els.first.value, b = this.els.again.value;
    if (a.length < MIN_PASSPHRASE) { this.say("alert", t("protect.too-short", { min: MIN_PASSPHRASE })); return; }
    if (a !== b) { this.say("alert", t("protect.differ")); return; }
    this.passphrase = a;
    this.sealKey = { salt: random(SALT_BYTES) };
    this.els.first.value = this.els.again.value = "";
    this.els.stop.hidden = false;
    this.els.toggle.textContent = t("protect.toggle-on");
    this.say("notice", t("protect.on"));
    this.onChange();
  };

  Protector.prototype.forget = function () {
    this.passphrase = null;
    this.sealKey = null;
    this.els.stop.hidden = true;
    this.els.toggle.textContent = t("protect.toggle");
    this.say("notice", t("protect.off"));
  };

  Protector.prototype.on = function () { return this.passphrase !== null; };

  /* `text` encrypted with the current passphrase (a promise), or as it is when protection is off. */
  Protector.prototype.seal = function (text) {
    if (!this.on()) return Promise.resolve(text);
    return encrypt(text, this.passphrase, { salt: this.sealKey.salt });
  };

  /* Plain text of `text` (a promise): as it is if unprotected; else try the current passphrase,
   * then ask with the sentence `what`. Resolves null when the user cancels; rejects with a
   * message for the user. */
  Protector.prototype.open = function (text, what) {
    if (!envelope(text)) {
      if (looksProtected(text)) return Promise.reject(new Error(t("protect.format")));
      return Promise.resolve(text);
    }
    if (!available()) return Promise.reject(new Error(t("protect.no-crypto")));
    try { parse(text); } catch (error) { return Promise.reject(new Error(message(error))); }
    var self = this;
    var tried = this.on() ? decrypt(text, this.passphrase) : Promise.reject(problem("passphrase"));
    return tried.catch(function (error) {
      if (error.reason !== "passphrase") throw new Error(message(error));
      return self.ask(text, what);
    });
  };

  Protector.prototype.ask = function (text, what) {
    var els = this.els, self = this;
    els.askText.textContent = what;
    masked([els.ask]);
    els.unlock.hidden = false;
    els.ask.value = "";
    els.ask.focus();
    return new Promise(function (resolve) {
      function done(value) {
        els.unlock.hidden = true;
        els.open.removeEventListener("click", tryIt);
        els.ask.removeEventListener("keydown", onKey);
        els.cancel.removeEventListener("click", giveUp);
        resolve(value);
      }
      function tryIt() {
        var passphrase = els.ask.value;
        els.open.disabled = true;
        decrypt(text, passphrase).then(function (plain) {
          els.open.disabled = false;
          els.ask.value = "";
          // Go on protecting with the passphrase that opened them, so nothing is stored in clear.
          self.passphrase = passphrase;
          self.sealKey = { salt: fromBase64(envelope(text).salt, SALT_BYTES) };
          els.stop.hidden = false;
          els.toggle.textContent = t("protect.toggle-on");
          self.say("alert", "");
          done(plain);
        }, function (error) {
          els.open.disabled = false;
          self.say("alert", message(error));
          if (error.reason !== "passphrase") done(null);
          else els.ask.select();
        });
      }
      function onKey(e) { if (e.key === "Enter") tryIt(); }
      function giveUp() { self.say("notice", t("protect.nothing-opened")); done(null); }
      els.open.addEventListener("click", tryIt);
      els.ask.addEventListener("keydown", onKey);
      els.cancel.addEventListener("click", giveUp);
    });
  };

  /* ---- Clearing kept answers, across pages that may each have their own storage ---- */

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function clearHere() {
    var store = storage();
    if (!store) return;
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(STORE_PREFIX) === 0) store.removeItem(key);
    }
  }

  /* From the planning tools page (tools/index.html): clear here, then visit each wizard. */
  function clearAll() {
    clearHere();
    location.replace(WIZARD_PAGES[0] + CLEAR_MARK);
  }

  /* On any page: continue a clearing round if this page is part of one (true: leaving). */
  function continueClearing() {
    if (location.hash !== CLEAR_MARK) return false;
    clearHere();
    var here = location.pathname.split("/").pop();
    var next = WIZARD_PAGES.indexOf(here) + 1;
    location.replace(next > 0 && next < WIZARD_PAGES.length ? WIZARD_PAGES[next] + CLEAR_MARK
      : "index.html" + CLEARED_MARK);
    return true;
  }

  /* On the tools page: true once, after a clearing round came back (the mark is removed). */
  function justCleared() {
    if (location.hash !== CLEARED_MARK) return false;
    history.replaceState(null, "", location.pathname);
    return true;
  }

  /* Save `text` as a file in the user's downloads (the wizards' answers files and summaries,
   * the workbook's plan and documents): a Blob link clicked, never a request. */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  var leaving = continueClearing();

  window.TRACK2_TEXT = t;

  window.TRACK2_PROTECT = {
    FORMAT: FORMAT, VERSION: VERSION, ITERATIONS: ITERATIONS,
    encrypt: encrypt, decrypt: decrypt, envelope: envelope, message: message,
    Protector: Protector, available: available,
    clearAll: clearAll, justCleared: justCleared, leaving: leaving,
    fromBase64: fromBase64, toBase64: toBase64, download: download,
  };
})();
