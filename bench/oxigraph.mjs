// Oxigraph (the npm package, WebAssembly in Node.js) for `srkg bench`; run by OxigraphRunner, which installs the
// pinned package from bench/package-lock.json into target/ first.
//   node oxigraph.mjs ingest ROOT FILE...      load each Turtle seed file into a named graph of its own
//   node oxigraph.mjs queries DUMP.nq REPETITIONS WARM-UP-MILLIS QUERY.rq...   load the N-Quads dump, then time each query
// Output lines mirror the Java probes: `ingest mode=oxigraph triples=… millis=… peakMiB=…`, `load …`,
// `query NAME MEDIAN-MILLIS ROWS`.
import { readFileSync } from "node:fs";
import { relative, basename } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(process.env.OXIGRAPH_HOME + "/package.json");
const oxigraph = require("oxigraph");
const [mode, ...args] = process.argv.slice(2);
const mib = () => Math.floor(process.memoryUsage().rss / (1 << 20));

if (mode === "ingest") {
  const [root, ...files] = args;
  const store = new oxigraph.Store();
  const start = process.hrtime.bigint();
  for (const file of files) {
    store.load(readFileSync(file), {
      format: "text/turtle",
      base_iri: "file://" + file,
      to_graph_name: oxigraph.namedNode("file:///" + relative(root, file)),
    });
  }
  const millis = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`ingest mode=oxigraph triples=${store.size} millis=${Math.round(millis)} peakMiB=${mib()} retainedMiB=${mib()}`);
} else if (mode === "queries") {
  const [dump, repetitions, warmUpMillis, ...queries] = args;
  const store = new oxigraph.Store();
  const start = process.hrtime.bigint();
  store.load(readFileSync(dump), { format: "application/n-quads" });
  console.log(`load quads=${store.size} millis=${Math.round(Number(process.hrtime.bigint() - start) / 1e6)} rssMiB=${mib()}`);
  const run = (text) => {
    const result = store.query(text, { use_default_graph_as_union: true });
    return typeof result === "boolean" ? 1 : result.length;
  };
  for (const file of queries) {
    const text = readFileSync(file, "utf8");
    // Over and over for the warm-up time (at least once), as the Java side does, so both are measured warm.
    let rows;
    const warming = process.hrtime.bigint();
    do {
      rows = run(text);
    } while (Number(process.hrtime.bigint() - warming) / 1e6 < Number(warmUpMillis));
    const times = [];
    for (let i = 0; i < Number(repetitions); i++) {
      const t = process.hrtime.bigint();
      run(text);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`query ${basename(file)} ${times[Math.floor(times.length / 2)]} ${rows}`);
  }
} else {
  console.error("usage: oxigraph.mjs ingest ROOT FILE... | queries DUMP.nq REPETITIONS WARM-UP-MILLIS QUERY.rq...");
  process.exit(2);
}
