"""Reads every dump of an srkg build with rdflib, as an outside client would, and prints what it found.

Usage: /usr/bin/python3 count_dumps.py DUMP_DIR
Prints one JSON object: file name -> number of statements (quads for the datasets, triples for srkg.ttl).
"""
import json
import sys

import rdflib

DATASETS = {"srkg.trig": "trig", "srkg.nq": "nquads", "srkg.jsonld": "json-ld"}
GRAPHS = {"srkg.ttl": "turtle"}


def main(folder):
    counts = {}
    for name, fmt in DATASETS.items():
        dataset = rdflib.Dataset()
        dataset.parse(f"{folder}/{name}", format=fmt)
        counts[name] = sum(1 for _ in dataset.quads((None, None, None, None)))
    for name, fmt in GRAPHS.items():
        graph = rdflib.Graph()
        graph.parse(f"{folder}/{name}", format=fmt)
        counts[name] = len(graph)
    counts["rdflib"] = rdflib.__version__
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
