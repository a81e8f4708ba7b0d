"""bench/compare/report.py on made-up results: each tool's medians, jurigraph's ratio to the best
other tool, a run stopped by the timeout, the memory the runs started on (a best other whose runs
started on other memory than jurigraph's is marked), the spread of the loads, and the verdict on
the answers (exit 1 and the first differing answer when a tool disagrees).

    compare_report_test.py PROJECT_SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile

ANSWERS = ["nodes 10", "q1 company:a company:b 3", "q1 company:c company:d -1", "q2 7",
           "q3 company:a 5", "q3 company:c 0", "q3_total 5"]


def write(folder, name, lines):
    with open(os.path.join(folder, name), "w") as f:
        f.write("".join(line + "\n" for line in lines))


def figures(load, q1, peak_kb, system=None, open_s=None, end=None, nodes=10):
    lines = [f"load_s {load}"]
    if system is not None:
        lines.append(f"load_system_s {system}")
    if open_s is not None:
        lines.append(f"open_s {open_s}")
    lines += [f"nodes {nodes}", "edges 20"]
    if end:  # stopped after the load
        return lines + [end]
    return lines + [f"q1_s {q1}", "q2_s 0.05", "q3_s 0.2", f"peak_rss_kb {peak_kb}"]


def report(script, results):
    run = subprocess.run([sys.executable, script, results, "1000"], capture_output=True,
                         text=True, check=False)
    return run.returncode, run.stdout + run.stderr


def row(output, title):
    """The cells of the table row whose task is `title`."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if cells and cells[0] == title:
            return cells[1:]
    raise AssertionError(f"no row {title!r} in:\n{output}")


def expect(condition, what, output):
    if not condition:
        print(f"FAILED: {what}\n--- report ---\n{output}")
        sys.exit(1)


def main(root):
    script = os.path.join(root, "bench", "compare", "report.py")
    with tempfile.TemporaryDirectory() as results:
        # jurigraph: three runs, medians load 2.0 s, Q1 0.02 s, peak 500,000 kB.
        for run, (load, q1, system) in enumerate([(3.0, 0.03, 1.2), (2.0, 0.01, 0.4),
                                                   (1.5, 0.02, 0.3)], start=1):
            write(results, f"jurigraph.{run}.figures",
                  figures(load, q1, 500000 + run, system=system, open_s=0.05))
            write(results, f"jurigraph.{run}.answers", ANSWERS)
        # networkx: a whole run and one stopped by the timeout after its load (no queries).
        write(results, "networkx.1.figures", figures(30.0, 1.6, 2048000))
        write(results, "networkx.1.answers", ANSWERS)
        write(results, "networkx.2.figures", figures(32.0, 0, 0, end="timeout"))
        write(results, "networkx.2.answers", ANSWERS[:1])
        # igraph: faster at Q1 than networkx but slower than jurigraph, never the best load.
        write(results, "igraph.1.figures", figures(40.0, 0.4, 1024000))
        write(results, "igraph.1.answers", ANSWERS)
        # The memory the runs started on (compare.sh --memory); none for networkx's, as for runs
        # made before the option.
        write(results, "jurigraph.memory", ["cold: each run after 10 s idle"])
        write(results, "igraph.memory", ["warm: each run right after 2560 MB touched and freed"])

        code, out = report(script, results)
        expect(code == 0, "exit 0 when every answer agrees", out)
        header = row(out, "task")
        expect(header == ["jurigraph", "networkx", "igraph", "best other", "jurigraph ×"],
               "the tools in order, then the best other and the ratio", out)
        # Every best other is marked: networkx's runs say no memory, igraph's another than
        # jurigraph's.
        expect(row(out, "load (s)") == ["2.000", "31.0", "40.0", "31.0 networkx*", "15.5×"],
               "load: medians (networkx's over both runs) and 31.0 / 2.0", out)
        expect(row(out, "Q1 100 shortest paths (s)") ==
               ["0.0200", "1.600", "0.4000", "0.4000 igraph*", "20.0×"],
               "Q1: the best other is igraph, the stopped run left out", out)
        expect(row(out, "open snapshot (s)") == ["0.0500", "-", "-", "-", "-"],
               "open: jurigraph only, no ratio", out)
        expect(row(out, "peak RSS (MB)") == ["488", "2,000", "1,000", "1,000 igraph*", "2.0×"],
               "peak RSS in MB and the smaller-is-better ratio", out)
        expect("* the best other's runs started on other memory than jurigraph's" in out,
               "the mark explained", out)
        expect("[timeout]" in out.split("networkx:")[1].splitlines()[0],
               "the timeout said on networkx's line", out)
        expect("UTC, memory cold: each run after 10 s idle" in out.split("jurigraph:")[1]
               .splitlines()[0], "jurigraph's memory condition on its line", out)
        expect("UTC, memory warm: each run right after 2560 MB touched and freed" in
               out.split("\n  igraph:")[1].splitlines()[0], "igraph's on its line", out)
        expect("memory not set" in out.split("networkx:")[1].splitlines()[0],
               "none said for runs without it", out)
        expect("jurigraph: 3.000 [1.20], 2.000 [0.40], 1.500 [0.30]" in out,
               "each jurigraph load in run order with its system time", out)
        expect("Q1 1 of 2 pairs connected" in out, "the answers summarised", out)
        for tool in ("jurigraph", "networkx", "igraph"):
            expect(f"  {tool}: agrees on every answer" in out, f"{tool} agrees", out)

        # networkx's runs on jurigraph's memory: its figures are not marked, igraph's still are.
        write(results, "networkx.memory", ["cold: each run after 10 s idle"])
        code, out = report(script, results)
        expect(row(out, "load (s)")[3] == "31.0 networkx", "the same memory is not marked", out)
        expect(row(out, "Q1 100 shortest paths (s)")[3] == "0.4000 igraph*",
               "another memory still is", out)
        write(results, "igraph.memory", ["cold: each run after 10 s idle"])
        code, out = report(script, results)
        expect("* the best other's" not in out, "no explanation without a mark", out)
        os.remove(os.path.join(results, "networkx.memory"))
        write(results, "igraph.memory", ["warm: each run right after 2560 MB touched and freed"])

        write(results, "igraph.1.answers",
              [a if not a.startswith("q1 company:c") else "q1 company:c company:d 4"
               for a in ANSWERS])
        code, out = report(script, results)
        expect(code == 1, "exit 1 when an answer differs", out)
        expect("igraph: Q1 hops DIFFERS (1: q1 company:c company:d: 4, jurigraph -1)" in out,
               "the differing answer named, against the reference", out)
        expect("  networkx: agrees on every answer" in out, "the others still agree", out)
    print("compare report: every check passed")


if __name__ == "__main__":
    main(sys.argv[1])
