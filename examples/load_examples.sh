#!/bin/sh
# Load the multi-article examples into a store: sh examples/load_examples.sh [STORE] [FOLDER...]
# STORE defaults to ./.provenance; FOLDERs default to wire, two-agencies and circle.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
store=${1:-./.provenance}
[ $# -gt 0 ] && shift
folders=${*:-"wire two-agencies circle"}
for folder in $folders; do
  for claims in "$here/$folder"/*.json; do
    provenance --store "$store" add --text "${claims%.json}.txt" "$claims"
  done
done
