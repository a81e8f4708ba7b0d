#!/usr/bin/env bash
# The import rate of `jurigraph import csv`: a generated semicolon sheet of N rows (default
# 100,000) in the style of tests/data/import/csv/cnil-fines.csv — French amounts and dates, one
# to two respondents a row from N/4 company names, one to three citations, a quoted summary with
# a line break in every tenth row — imported with the sample mapping, timed with /usr/bin/time.
# Usage: bench/import_csv_bench.sh [ROWS] [JURIGRAPH]   (prints rows/s, wall and CPU time, peak RSS)
set -euo pipefail
rows=${1:-100000}
jg=${2:-build/src/jurigraph}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$rows" >"$work/sheet.csv" <<'PY'
import random, sys
rows = int(sys.argv[1])
rnd = random.Random(42)
companies = [f"Société {i} SAS" for i in range(max(1, rows // 4))]
articles = ["Art. 34 loi 78-17", "Art. 35 loi 78-17"] + [f"Art. {a} GDPR" for a in (5, 6, 12, 13, 15, 17, 21, 25, 28, 32, 33)]
kinds = ["Sanction pécuniaire", "Avertissement public"]
print("Société;Type;Date;Numéro;Montant (€);Articles;Légifrance;Source;Résumé")
for i in range(rows):
    against = "|".join(rnd.sample(companies, rnd.choice((1, 1, 1, 2))))
    date = f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.randint(2010, 2025)}"
    amount = rnd.randint(1000, 50_000_000)
    amount = f"{amount:,}".replace(",", " ") + ("" if i % 3 else f",{rnd.randint(0, 99):02d}")
    cites = "|".join(rnd.sample(articles, rnd.randint(1, 3)))
    summary = f"Row {i}: breaches of security; \"quoted\" words" + ("\nsecond line" if i % 10 == 0 else "")
    summary = '"' + summary.replace('"', '""') + '"'
    print(f"{against};{kinds[i % 7 == 0]};{date};SAN-{i:07d};{amount};{cites};;https://example.org/d/{i};{summary}")
PY
bytes=$(stat -c %s "$work/sheet.csv")
/usr/bin/time -f "%e %U %S %M" -o "$work/time" \
  "$jg" import csv "$work/sheet.csv" -m "$root/tests/data/import/csv/cnil-fines.mapping.json" \
  -o "$work/out.jsonl" 2>"$work/err" || { cat "$work/err"; exit 1; }
read -r wall user sys rss <"$work/time"
echo "rows: $rows ($((bytes / 1000000)) MB sheet), wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MB"
echo "rate: $(echo "$rows / $wall" | bc) rows/s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
tail -1 "$work/err"
