/* Sparse Pyodide memory snapshots: shared by the build (tools/pyodide_snapshot/make_snapshot.mjs,
 * under Node) and the browser (hooks/pyodide_bundle.py puts this file's text into the runtime
 * script). A classic script with no outside names, so the same text runs in both places.
 *
 * Pyodide's own snapshot is a header (magic, build id, JSON state) followed by the whole wasm
 * memory, about 31 MB. A fresh instance already holds much of it before the restore: the wasm's
 * data segments (C docstrings, static tables) and a lot of zeros. The sparse form keeps only the
 * pages that differ from that fresh memory:
 *
 *   u32 MAGIC, u32 header bytes, u32 memory bytes, u32 runs, u32 checksum, u32 relied pages,
 *   Pyodide's header, runs × (u32 first page, u32 page count), relied pages × u32, the pages
 *   of the runs.
 *
 * "Relied pages" are those left to the fresh memory that are not zero there. install() wraps a
 * freshly created Pyodide module so that its restore writes the stored pages only, after
 * checking a sample of the relied pages (every SAMPLE-th word: a full pass costs far more than
 * it adds) against the checksum: a runtime that differs from the one the build used makes the
 * restore throw (and the wizard start Python the normal way) instead of corrupting memory.
 */
var TRACK2_SPARSE = (function () {
  "use strict";
  var MAGIC = 0x50533254;  // "T2SP"
  var PAGE = 4096;
  var WORDS = PAGE / 4;
  var SAMPLE = 16;
  var FIXED = 24;  // bytes of the six u32 fields before Pyodide's header

  function isZero(words, first) {
    for (var i = first; i < first + WORDS; i++) if (words[i] !== 0) return false;
    return true;
  }

  function same(a, b, first) {
    for (var i = first; i < first + WORDS; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /* A position-sensitive 32-bit checksum of every SAMPLE-th word of the pages `relied`. */
  function checksum(words, relied) {
    var h = 0x811c9dc5;
    for (var k = 0; k < relied.length; k++) {
      var first = relied[k] * WORDS;
      for (var i = first; i < first + WORDS; i += SAMPLE) h = Math.imul(h ^ words[i], 0x01000193) + i | 0;
    }
    return h >>> 0;
  }

  /* Pages that are non-zero in fresh memory and left to it (not stored). */
  function reliedPages(fresh, stored, pages) {
    var out = [];
    for (var p = 0; p < pages; p++) if (!stored[p] && !isZero(fresh, p * WORDS)) out.push(p);
    return out;
  }

  /* Zero every free block of the C heap (dlmalloc): compiling and importing leave garbage there,
   * which would otherwise be stored and shipped. Returns how many bytes were zeroed. */
  function zeroFreeMemory(m) {
    var memory = m.HEAP8.length, held = [], zeroed = 0;
    for (var size = 1 << 24; size >= 64; ) {
      // A request no larger than the room above the break cannot make the memory grow.
      var p = size <= memory - (m._sbrk(0) >>> 0) ? m._malloc(size) >>> 0 : 0;
      if (p) {
        var n = m._malloc_usable_size(p) >>> 0;
        m.HEAPU8.fill(0, p, p + n);
        zeroed += n;
        held.push(p);
      } else {
        size >>>= 1;
      }
    }
    held.forEach(function (q) { m._free(q); });
    // The unused part of the C stack (it grows down towards its end) holds old frames too.
    var end = m._emscripten_stack_get_end() >>> 0, current = m._emscripten_stack_get_current() >>> 0;
    var unused = Math.max(0, current - 4096 - end);
    m.HEAPU8.fill(0, end, end + unused);
    zeroed += unused;
    if (m.HEAP8.length !== memory) throw new Error("zeroFreeMemory: the wasm memory grew");
    return zeroed;
  }

  /* Pyodide's snapshot `full` and the fresh memory `fresh` (both Uint8Array) -> sparse form. */
  function encode(full, fresh) {
    var head = new Uint32Array(full.buffer, full.byteOffset, 4);
    var headerBytes = head[1], memoryBytes = full.length - headerBytes, pages = memoryBytes / PAGE;
    if (pages !== Math.floor(pages) || fresh.length !== memoryBytes) throw new Error("encode: sizes do not match");
    var mem = new Uint32Array(full.slice(headerBytes).buffer), old = new Uint32Array(fresh.slice().buffer);
    var stored = new Uint8Array(pages), runs = [], count = 0;
    for (var p = 0; p < pages; p++) {
      stored[p] = same(mem, old, p * WORDS) ? 0 : 1;
      if (!stored[p]) continue;
      count++;
      if (runs.length && runs[runs.length - 1][0] + runs[runs.length - 1][1] === p) runs[runs.length - 1][1]++;
      else runs.push([p, 1]);
    }
    var relied = reliedPages(old, stored, pages);
    var start = FIXED + headerBytes, at = start + runs.length * 8 + relied.length * 4;
    var out = new Uint8Array(at + count * PAGE);
    var fields = new Uint32Array(out.buffer, 0, FIXED / 4);
    fields.set([MAGIC, headerBytes, memoryBytes, runs.length, checksum(old, relied), relied.length]);
    out.set(full.subarray(0, headerBytes), FIXED);
    var table = new DataView(out.buffer, start);
    relied.forEach(function (page, i) { table.setUint32(runs.length * 8 + i * 4, page, true); });
    runs.forEach(function (run, i) {
      table.setUint32(i * 8, run[0], true);
      table.setUint32(i * 8 + 4, run[1], true);
      out.set(full.subarray(headerBytes + run[0] * PAGE, headerBytes + (run[0] + run[1]) * PAGE), at);
      at += run[1] * PAGE;
    });
    return out;
  }

  function parse(sparse) {
    var view = new DataView(sparse.buffer, sparse.byteOffset, sparse.byteLength);
    if (sparse.byteLength < FIXED || view.getUint32(0, true) !== MAGIC) throw new Error("not a sparse snapshot");
    var headerBytes = view.getUint32(4, true), memoryBytes = view.getUint32(8, true);
    var count = view.getUint32(12, true), reliedCount = view.getUint32(20, true);
    var start = FIXED + headerBytes, runs = [], relied = [];
    for (var i = 0; i < count; i++) {
      runs.push([view.getUint32(start + i * 8, true), view.getUint32(start + i * 8 + 4, true)]);
    }
    for (var k = 0; k < reliedCount; k++) relied.push(view.getUint32(start + count * 8 + k * 4, true));
    return { headerBytes: headerBytes, memoryBytes: memoryBytes, runs: runs, relied: relied,
             check: view.getUint32(16, true), header: sparse.slice(FIXED, start),
             data: start + count * 8 + reliedCount * 4 };
  }

  /* Make the Pyodide module with `createModule` (the glue's factory) for a restore from
   * `sparse`: loadPyodide is given `placeholder` as `_loadSnapshot`, and this sizes the memory. */
  async function create(createModule, config, sparse) {
    var s = parse(sparse);
    config.INITIAL_MEMORY = s.headerBytes + s.memoryBytes;  // as Pyodide does for a whole snapshot
    return install(await createModule(config), sparse);
  }

  /* Wrap a created (not yet restored) Pyodide module so that it restores from `sparse`. */
  function install(module, sparse) {
    var s = parse(sparse), restore = module.API.restoreSnapshot;
    module.API.restoreSnapshot = function () {
      var heap = module.HEAPU8;
      if (heap.length !== s.memoryBytes) throw new Error("sparse snapshot: memory size differs");
      var fresh = new Uint32Array(heap.buffer, heap.byteOffset, s.memoryBytes / 4);
      if (checksum(fresh, s.relied) !== s.check) {
        throw new Error("sparse snapshot: this runtime's fresh memory is not the one the snapshot was made against");
      }
      var state = restore(s.header);  // checks magic and build id, reads the state, writes no memory
      var at = s.data;
      s.runs.forEach(function (run) {
        var bytes = run[1] * PAGE;
        heap.set(sparse.subarray(at, at + bytes), run[0] * PAGE);
        at += bytes;
      });
      return state;
    };
    return module;
  }

  return { PAGE: PAGE, placeholder: new Uint8Array(0), zeroFreeMemory: zeroFreeMemory, encode: encode, create: create };
})();
