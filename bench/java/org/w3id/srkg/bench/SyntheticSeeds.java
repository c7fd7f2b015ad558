package org.w3id.srkg.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a seed root shaped like srkg's own, at a target size, deterministically from a seed number: the
 * ontology folder copied from the repository, {@code seeds/entities.ttl} (the real shared entities, then
 * synthetic persons, states, organisations and places), {@code seeds/articles.ttl}, and per article
 * {@code seeds/claims/NNN.ttl} (events with participants, places and dates, figures, quotes, relations and
 * assessments, each with an evidence quote) and {@code seeds/articles/NNN.txt}, a text holding every quote,
 * so the whole pipeline (SHACL, evidence verification) passes on it.
 * <p>
 * Articles hold about {@value #TRIPLES_PER_ARTICLE} triples each, up to the thousand that three digits can
 * number: evidence verification scans an article's text once per quote, so a fixed article size keeps the
 * cost per triple the same at every scale, as it is for real articles.
 */
public final class SyntheticSeeds {

    static final int TRIPLES_PER_ARTICLE = 5_000;
    static final int MAX_ARTICLES = 1_000;
    /** Real entities the competency questions name, used as participants so those queries find something. */
    private static final List<String> REAL_ACTORS = List.of("china", "russia", "vladimir-putin", "xi-jinping");
    private static final List<String> REAL_PERSONS = List.of("vladimir-putin", "xi-jinping");
    private static final String[] EVENT_CLASSES = {"MilitaryExercise", "Meeting", "StateVisit", "Cooperation"};
    private static final String[] RELATION_TYPES = {"Rivalry", "StrategicPartnership", "PartnerOf"};
    private static final String[] WORDS = {"border", "trade", "energy", "pipeline", "summit", "exercise", "naval",
            "treaty", "sanctions", "grain", "railway", "bank", "satellite", "arctic", "port", "talks", "delegation",
            "agreement", "security", "investment"};

    private static final String PREFIXES = """
            @prefix srkg: <https://w3id.org/srkg/ontology#> .
            @prefix id:   <https://w3id.org/srkg/id/> .
            @prefix art:  <https://w3id.org/srkg/id/article/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            @prefix org:  <http://www.w3.org/ns/org#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .

            """;

    /** What was written: triples of the seed files including the copied ontology, and the article count. */
    public record Written(Path root, long triples, int articles, int entities) {
    }

    private final SplittableRandom random;
    private final List<String> actors = new ArrayList<>(REAL_ACTORS);
    private final List<String> persons = new ArrayList<>(REAL_PERSONS);
    private final List<String> places = new ArrayList<>();
    private long triples;

    private SyntheticSeeds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param repository a checkout of srkg: its {@code ontology/} and {@code seeds/entities.ttl} are copied
     * @param target     about how many triples the seed files hold in all (the copied ontology included)
     */
    public static Written write(Path repository, Path out, long target, long seed) throws IOException {
        return new SyntheticSeeds(seed).generate(repository, out, target);
    }

    private Written generate(Path repository, Path out, long target) throws IOException {
        Files.createDirectories(out.resolve("ontology"));
        Files.createDirectories(out.resolve("seeds/claims"));
        Files.createDirectories(out.resolve("seeds/articles"));
        try (Stream<Path> ontology = Files.list(repository.resolve("ontology"))) {
            for (Path file : ontology.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                Files.copy(file, out.resolve("ontology").resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        triples = TripleCount.ofTurtle(out.resolve("ontology")) + TripleCount.ofTurtle(repository.resolve("seeds/entities.ttl"));

        int articles = (int) Math.max(1, Math.min(MAX_ARTICLES, target / TRIPLES_PER_ARTICLE));
        // About a tenth of the data describes entities, as in the curated seeds.
        long entityBudget = Math.max(0, target / 10);
        int entities = writeEntities(repository, out.resolve("seeds/entities.ttl"), entityBudget);
        writeArticles(out.resolve("seeds/articles.ttl"), articles);
        long perArticle = Math.max(1, (target - triples) / articles);
        for (int a = 0; a < articles; a++) {
            writeClaims(out, String.format(Locale.ROOT, "%03d", a), perArticle);
        }
        return new Written(out, triples, articles, entities);
    }

    private int writeEntities(Path repository, Path file, long budget) throws IOException {
        long start = triples;
        int count = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(Files.readString(repository.resolve("seeds/entities.ttl"), StandardCharsets.UTF_8));
            w.write("\n# Synthetic entities (srkg bench).\n\n");
            while (triples - start < budget) {
                String kind = switch (count % 4) {
                    case 0 -> "Person";
                    case 1 -> "State";
                    case 2 -> "Organisation";
                    default -> "Place";
                };
                String name = kind.toLowerCase(Locale.ROOT) + "-" + count;
                w.write("id:" + name + " a srkg:" + kind + " ;\n    rdfs:label \"" + kind + " " + count + "\"@en .\n\n");
                triples += 2;
                (kind.equals("Place") ? places : actors).add(name);
                if (kind.equals("Person")) {
                    persons.add(name);
                }
                count++;
            }
        }
        if (places.isEmpty()) {
            places.add("russia");
        }
        return count;
    }

    private void writeArticles(Path file, int articles) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(PREFIXES);
            for (int a = 0; a < articles; a++) {
                String n = String.format(Locale.ROOT, "%03d", a);
                w.write("art:" + n + " a srkg:Article ;\n    rdfs:label \"Synthetic article " + n + "\"@en ;\n"
                        + "    dcterms:title \"Synthetic article " + n + "\"@en ;\n"
                        + "    dcterms:date \"2018-" + String.format(Locale.ROOT, "%02d", 1 + a % 12) + "\"^^xsd:gYearMonth ;\n"
                        + "    srkg:textFile \"seeds/articles/" + n + ".txt\" .\n\n");
                triples += 5;
            }
        }
    }

    private void writeClaims(Path out, String article, long budget) throws IOException {
        StringBuilder text = new StringBuilder("Synthetic article " + article + "\n\n");
        long start = triples;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("seeds/claims/" + article + ".ttl"), StandardCharsets.UTF_8)) {
            w.write(PREFIXES);
            w.write("@prefix c: <https://w3id.org/srkg/id/claim/" + article + "/> .\n\n");
            for (int i = 0; triples - start < budget; i++) {
                String quote = sentence(article, i);
                text.append(quote).append(i % 7 == 6 ? "\n\n" : " ");
                w.write(claim(i, quote));
                w.write('\n');
            }
        }
        Files.writeString(out.resolve("seeds/articles/" + article + ".txt"), text.append('\n'), StandardCharsets.UTF_8);
    }

    /** A sentence unique to the claim (it names its number), so every quote is found exactly once. */
    private String sentence(String article, int i) {
        StringBuilder s = new StringBuilder("Report ").append(article).append('.').append(i).append(" says");
        int words = 6 + random.nextInt(10);
        for (int k = 0; k < words; k++) {
            s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }

    private String claim(int i, String quote) {
        String id = "c:claim-" + i;
        String label = "    rdfs:label \"Synthetic claim " + i + "\"@en ;\n";
        String evidence = "    srkg:evidence \"" + quote + "\" .\n";
        int year = 1990 + random.nextInt(30);
        switch (random.nextInt(5)) {
            case 0 -> {
                triples += 9;
                return id + " a srkg:" + EVENT_CLASSES[random.nextInt(EVENT_CLASSES.length)] + ", srkg:Claim ;\n" + label
                        + "    srkg:participant id:" + pick(actors) + ", id:" + pick(actors) + " ;\n"
                        + "    srkg:place id:" + pick(places) + " ;\n"
                        + "    srkg:date \"" + year + "-" + String.format(Locale.ROOT, "%02d-%02d", 1 + random.nextInt(12),
                        1 + random.nextInt(28)) + "\"^^xsd:date ;\n"
                        + "    srkg:status srkg:Happened ;\n" + evidence;
            }
            case 1 -> {
                triples += 9;
                return id + " a srkg:Figure ;\n" + label
                        + "    srkg:measure srkg:TradeTurnover ;\n"
                        + "    srkg:amount \"" + (1 + random.nextInt(1_000_000)) + "\"^^xsd:decimal ;\n"
                        + "    srkg:unit srkg:USD ;\n"
                        + "    srkg:between id:" + pick(actors) + ", id:" + pick(actors) + " ;\n"
                        + "    srkg:date \"" + year + "\"^^xsd:gYear ;\n" + evidence;
            }
            case 2 -> {
                triples += 6;
                return id + " a srkg:Quote ;\n" + label
                        + "    srkg:speaker id:" + pick(persons) + " ;\n"
                        + "    srkg:quotedText \"" + quote + "\" ;\n"
                        + "    srkg:about id:" + pick(actors) + " ;\n" + evidence;
            }
            case 3 -> {
                triples += 6;
                return id + " a srkg:Relation ;\n" + label
                        + "    srkg:relationType srkg:" + RELATION_TYPES[random.nextInt(RELATION_TYPES.length)] + " ;\n"
                        + "    srkg:holder id:" + pick(actors) + " ;\n"
                        + "    srkg:counterpart id:" + pick(actors) + " ;\n" + evidence;
            }
            default -> {
                triples += 5;
                return id + " a srkg:Assessment ;\n" + label
                        + "    srkg:assessedBy id:" + pick(persons) + " ;\n"
                        + "    srkg:about id:" + pick(actors) + " ;\n" + evidence;
            }
        }
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
