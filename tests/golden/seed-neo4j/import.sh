#!/usr/bin/env bash
# Imports this folder into a new or emptied Neo4j database (Neo4j 5 or later, the
# database stopped): ./import.sh [DATABASE]   (default: neo4j). NEO4J_ADMIN names the
# neo4j-admin to run (default: the one on PATH). Then, with the database started,
# create it if it is new (CREATE DATABASE name) and run constraints.cypher.
# Written by jurigraph export --format neo4j-csv for the files of this folder.
set -euo pipefail
database=${1:-neo4j}
cd "$(dirname "$0")"
"${NEO4J_ADMIN:-neo4j-admin}" database import full "$database" \
  --overwrite-destination \
  --array-delimiter=';' \
  --legacy-style-quoting=false \
  --nodes=Company=nodes-Company.csv \
  --nodes=Authority=nodes-Authority.csv \
  --nodes=Court=nodes-Court.csv \
  --nodes=Decision=nodes-Decision.csv \
  --nodes=Provision=nodes-Provision.csv \
  --relationships=ISSUED_BY=relationships-ISSUED_BY.csv \
  --relationships=AGAINST=relationships-AGAINST.csv \
  --relationships=APPEAL_OF=relationships-APPEAL_OF.csv \
  --relationships=CITES=relationships-CITES.csv \
  --relationships=SUBCONTRACTOR_OF=relationships-SUBCONTRACTOR_OF.csv \
  --relationships=ANSWERS_REFERENCE_OF=relationships-ANSWERS_REFERENCE_OF.csv \
  --relationships=APPROVES=relationships-APPROVES.csv \
  --relationships=BASED_ON=relationships-BASED_ON.csv \
  --relationships=CITES_DECISION=relationships-CITES_DECISION.csv \
  --relationships=COLLECTED_DATA_FROM=relationships-COLLECTED_DATA_FROM.csv \
  --relationships=SHARED_DATA_WITH=relationships-SHARED_DATA_WITH.csv
