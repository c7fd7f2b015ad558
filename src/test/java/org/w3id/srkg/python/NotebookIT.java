package org.w3id.srkg.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.ServedDataset;
import org.w3id.srkg.server.ServerOptions;
import org.w3id.srkg.server.ServiceAllowlist;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.WikidataStandIn;

/**
 * Runs {@code examples/notebooks/srkg-quickstart.ipynb} headless, as a notebook user would with Debian's Jupyter,
 * against a real srkg server built from the repository's seeds, and a second small Fuseki standing in for Wikidata
 * ({@link WikidataStandIn}: real Wikidata ids and properties, mapped to from Wikidata's endpoint IRI by the allowlist) so that the
 * federated cell runs without internet. nbconvert fails if any cell raises; the executed copy, with its plots, is
 * written to {@code target/notebook/srkg-quickstart.ipynb}.
 */
class NotebookIT {

    private static final Path NOTEBOOK = Path.of("examples/notebooks/srkg-quickstart.ipynb");
    private static final Path OUT = Path.of("target/notebook").toAbsolutePath();

    @Test
    void theQuickstartNotebookRunsWithoutErrorAndDrawsItsPlots() throws Exception {
        DebianPython.ensureInstalled();
        Files.createDirectories(OUT);
        Path kernels = OUT.resolve("jupyter/kernels/python3");
        Files.createDirectories(kernels);
        // Jupyter looks in JUPYTER_PATH first: this kernel is Debian's python whatever else the machine has.
        Files.writeString(kernels.resolve("kernel.json"), """
                {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                 "display_name": "Python 3 (Debian)", "language": "python"}
                """);

        WikidataStandIn wikidata = WikidataStandIn.start();
        // The notebook's federated query names Wikidata's real endpoint; the allowlist sends it to the stand-in.
        FusekiServer srkg = SparqlServer.start(new ServedDataset(Pipeline.build(Path.of(""))), "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withServices(
                        ServiceAllowlist.parse(List.of(ServiceAllowlist.WIKIDATA + "=" + wikidata.endpoint()))));
        try {
            DebianPython.Result run = DebianPython.run(List.of("/usr/bin/jupyter", "nbconvert", "--to", "notebook",
                            "--execute", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=python3",
                            "--output-dir", OUT.toString(), NOTEBOOK.toAbsolutePath().toString()),
                    OUT, Map.of(
                            "SRKG_ENDPOINT", "http://127.0.0.1:" + srkg.getPort() + "/sparql",
                            "SRKG_FEDERATION_REQUIRED", "yes",
                            "JUPYTER_PATH", OUT.resolve("jupyter").toString()),
                    1200);
            assertEquals(0, run.code(), run.output());
        } finally {
            srkg.stop();
            wikidata.close();
        }

        JsonObject executed = Json.createReader(new StringReader(Files.readString(OUT.resolve(NOTEBOOK.getFileName()))))
                .readObject();
        List<String> errors = new ArrayList<>();
        int plots = 0;
        StringBuilder text = new StringBuilder();
        for (JsonValue cell : executed.getJsonArray("cells")) {
            for (JsonValue output : cell.asJsonObject().getJsonArray("outputs") == null ? List.<JsonValue>of()
                    : cell.asJsonObject().getJsonArray("outputs")) {
                JsonObject o = output.asJsonObject();
                if (o.getString("output_type").equals("error")) {
                    errors.add(o.getString("ename") + ": " + o.getString("evalue"));
                }
                JsonObject data = o.getJsonObject("data");
                if (data != null && data.containsKey("image/png")) {
                    plots++;
                }
                text.append(o.toString());
            }
        }
        assertEquals(List.of(), errors);
        assertTrue(plots >= 5, plots + " plots: timeline, trade, network, disagreements and offline counts expected");
        assertTrue(text.indexOf("Beijing") >= 0 && text.indexOf("Moscow") >= 0,
                "the federated query's capitals come back from the Wikidata stand-in");
        assertTrue(text.indexOf("troop count") >= 0, "the disagreements include the Vostok 2018 troop counts");
    }

}
