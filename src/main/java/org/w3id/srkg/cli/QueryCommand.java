package org.w3id.srkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", description = "Build in memory and run one SPARQL query over the union of all graphs.")
final class QueryCommand extends Srkg.SeedCommand {

    enum Format { table, csv, tsv, json }

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE.rq", description = "File holding the query.")
        Path file;

        @Option(names = "--query", paramLabel = "TEXT", description = "The query itself.")
        String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", defaultValue = "table", description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    int run() throws PipelineException, IOException {
        String text = source.text != null ? source.text : Files.readString(source.file, StandardCharsets.UTF_8);
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            srkg.err.println("srkg: bad query: " + e.getMessage());
            return Srkg.FAILED;
        }
        Dataset dataset = DatasetFactory.wrap(new UnionDefaultGraph(Pipeline.build(root)));
        try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
            if (query.isSelectType()) {
                print(execution.execSelect());
            } else if (query.isAskType()) {
                srkg.out.println(execution.execAsk());
            } else {
                RDFDataMgr.write(srkg.out, execution.execConstructDataset(), Lang.TRIG);
            }
        }
        srkg.out.flush();
        return 0;
    }

    private void print(ResultSet results) {
        switch (format) {
            case csv -> ResultSetFormatter.outputAsCSV(srkg.out, results);
            case tsv -> ResultSetFormatter.outputAsTSV(srkg.out, results);
            case json -> ResultSetFormatter.outputAsJSON(srkg.out, results);
            case table -> ResultSetFormatter.out(srkg.out, results);
        }
    }
}
