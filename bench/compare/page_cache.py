"""Puts the files of compare.sh's work folder (the dataset, its CSV conversion, the snapshot:
every tool's input) in the page cache, or drops them from it, so that every run reads its input
from the same place (see bench/README.md, "Memory before each run"). The results folder is left
alone.

    page_cache.py warm|drop WORK_FOLDER
"""

import os
import sys


def inputs(work):
    for folder, subfolders, files in os.walk(work):
        subfolders[:] = [s for s in subfolders if not (folder == work and s == "results")]
        for name in files:
            yield os.path.join(folder, name)


def main(action, work):
    for path in inputs(work):
        with open(path, "rb") as f:
            if action == "warm":
                while f.read(1 << 22):
                    pass
            else:
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("warm", "drop"):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
