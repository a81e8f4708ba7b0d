"""The table of bench/compare.sh: each tool's figures (median over its runs), whether its
answers agree with the others', and jurigraph's ratio to the best other tool per task.

    report.py RESULTS DECISIONS

RESULTS holds, per tool and run (numbered from 1), <tool>.<run>.figures (`key value` lines, then `timeout` or
`failed N` when the run did not finish) and <tool>.<run>.answers; and per tool, <tool>.memory:
the memory its runs started on (compare.sh --memory), absent for runs made before that option.
Exit 1 when answers differ.
"""

import glob
import os
import statistics
import sys
import time

TOOLS = ["jurigraph", "networkx", "igraph", "graph-tool", "kuzu"]
TASKS = [("load_s", "load (s)"), ("open_s", "open snapshot (s)"), ("q1_s", "Q1 100 shortest paths (s)"),
         ("q2_s", "Q2 typed pattern count (s)"), ("q3_s", "Q3 3 hops of 100 companies (s)"),
         ("peak_rss_kb", "peak RSS (MB)")]
GROUPS = [("nodes", "node count"), ("q1 ", "Q1 hops"), ("q2", "Q2 count"),
          ("q3 ", "Q3 per company"), ("q3_total", "Q3 total")]


def read_figures(path):
    figures, ending = {}, None
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[0] not in ("failed",):
                figures[parts[0]] = float(parts[1])
            elif parts:
                ending = line.strip()
    return figures, ending


def read_answers(path):
    """{key: value}: the key is the line without its last field (`q1 A B`, `q3 C`, `q2`)."""
    answers = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, _, value = line.strip().rpartition(" ")
                if key:
                    answers[key] = value
    return answers


def when_run(paths):
    """When the runs whose figures are `paths` ended (UTC, from the files' times): a tool run
    again replaces its own results only, so one table can hold runs of different series."""
    times = sorted(os.path.getmtime(p) for p in paths)
    first, last = (time.gmtime(t) for t in (times[0], times[-1]))
    day, start = time.strftime("%Y-%m-%d", first), time.strftime("%H:%M", first)
    end = time.strftime("%H:%M" if first[:3] == last[:3] else "%Y-%m-%d %H:%M", last)
    return f"{day} {start}" + (f"–{end}" if end != start else "") + " UTC"


def memory_of(results, tool):
    """How the tool's runs started (compare.sh --memory), or 'memory not set'."""
    path = os.path.join(results, f"{tool}.memory")
    if not os.path.exists(path):
        return "memory not set"
    with open(path) as f:
        return "memory " + f.read().strip()


def cell(value, key):
    if value is None:
        return "-"
    if key == "peak_rss_kb":
        return f"{value / 1024:,.0f}"
    return f"{value:.4f}" if value < 1 else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def main(results, decisions):
    runs_of = {t: len(glob.glob(os.path.join(results, f"{t}.*.figures"))) for t in TOOLS}
    tools = [t for t in TOOLS if runs_of[t]]
    figures, endings, answers, loads = {}, {}, {}, {}
    memory = {t: memory_of(results, t) for t in tools}
    for tool in tools:
        runs = runs_of[tool]
        per_run = [read_figures(os.path.join(results, f"{tool}.{r}.figures"))
                   for r in range(1, runs + 1)]
        loads[tool] = [(f["load_s"], f.get("load_system_s")) for f, _ in per_run if "load_s" in f]
        figures[tool] = {}
        for key, _ in TASKS + [("nodes", ""), ("edges", "")]:
            values = [f[key] for f, _ in per_run if key in f]
            figures[tool][key] = statistics.median(values) if values else None
        endings[tool] = sorted({e for _, e in per_run if e})
        answers[tool] = [read_answers(os.path.join(results, f"{tool}.{r}.answers"))
                         for r in range(1, runs + 1)]

    # --- figures ---
    print(f"\n{decisions:,} decisions; each tool in its own process, medians over its runs")
    for tool in tools:
        f = figures[tool]
        size = (f"{f['nodes']:,.0f} nodes, {f['edges']:,.0f} edges" if f["nodes"] is not None
                and f["edges"] is not None else "no graph")
        note = f" [{'; '.join(endings[tool])}]" if endings[tool] else ""
        ran = when_run(glob.glob(os.path.join(results, f"{tool}.*.figures")))
        print(f"  {tool}: {size}; {runs_of[tool]} run(s), {ran}, {memory[tool]}"
              f"{note}")
    others = [t for t in tools if t != "jurigraph"]
    header = ["task"] + tools + (["best other", "jurigraph ×"] if "jurigraph" in tools and others
                                 else [])
    rows = []
    # A best other whose runs started on other memory than jurigraph's (another series, or
    # another --memory) is marked: its ratio compares runs made under different conditions.
    marked = False
    for key, title in TASKS:
        row = [title] + [cell(figures[t][key], key) for t in tools]
        if len(header) > len(tools) + 1:
            done = [(figures[t][key], t) for t in others if figures[t][key] is not None]
            mine = figures["jurigraph"][key]
            if done and mine:
                best, who = min(done)
                mark = "*" if memory[who] != memory["jurigraph"] else ""
                marked |= bool(mark)
                row += [f"{cell(best, key)} {who}{mark}", f"{best / mine:,.1f}×"]
            else:
                row += ["-", "-"]
        rows.append(row)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths]] + rows:
        print("  " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                for i, (c, w) in enumerate(zip(r, widths))))
    print("  (jurigraph loads the dataset file: read, validate, resolve, freeze; the others the "
          "CSV conversion.\n   open snapshot: jurigraph opens the snapshot of the dataset "
          "(jurigraph build -o, then -g) in a\n   process of its own, which answers the same. "
          "jurigraph × = best other / jurigraph: how many\n   times faster or smaller; "
          "'-' = not reached)")
    if marked:
        print("  * the best other's runs started on other memory than jurigraph's (see the tools' "
              "lines above):\n    the ratio compares runs made under different conditions")
    # The median hides the spread: on a virtual machine whose host takes back the memory a
    # process freed, a run after an idle moment pays for its memory again (the first, often).
    several = [t for t in tools if len(loads[t]) > 1]
    if several:
        print("  load of each run, in order (s; in brackets, the system CPU time it took):")
        for tool in several:
            print(f"    {tool}: " + ", ".join(
                cell(v, "load_s") + ("" if system is None else f" [{system:.2f}]")
                for v, system in loads[tool]))

    # --- answers ---
    reference_tool = next((t for t in tools if any(answers[t])), None)
    if reference_tool is None:
        print("\nanswers: none to compare")
        return 1
    reference = {}
    for run in answers[reference_tool]:
        for k, v in run.items():
            reference.setdefault(k, v)
    q1 = [int(v) for k, v in reference.items() if k.startswith("q1 ")]
    connected = [h for h in q1 if h >= 0]
    print(f"\nanswers ({reference_tool}): Q1 {len(connected)} of {len(q1)} pairs connected, "
          f"hops {min(connected, default=0)}–{max(connected, default=0)}, mean "
          f"{statistics.mean(connected) if connected else 0:.2f}; Q2 = {reference.get('q2', '-')}"
          f"; Q3 total = {reference.get('q3_total', '-')} (per company "
          f"{min((int(v) for k, v in reference.items() if k.startswith('q3 ')), default=0):,}–"
          f"{max((int(v) for k, v in reference.items() if k.startswith('q3 ')), default=0):,})")
    disagree = False
    for tool in tools:
        verdicts = []
        for prefix, title in GROUPS:
            keys = [k for k in reference if k == prefix or k.startswith(prefix) and " " in prefix]
            seen = [(k, run[k]) for run in answers[tool] for k in keys if k in run]
            wrong = [(k, v) for k, v in seen if v != reference[k]]
            if wrong:
                disagree = True
                k, v = wrong[0]
                verdicts.append(f"{title} DIFFERS ({len(wrong)}: {k}: {v}, "
                                f"{reference_tool} {reference[k]})")
            elif not seen:
                verdicts.append(f"{title} not answered")
        print(f"  {tool}: " + ("agrees on every answer" if not verdicts else "; ".join(verdicts)))
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
