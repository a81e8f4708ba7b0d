"""Touches MB megabytes of fresh memory, one byte a page, then exits: compare.sh --memory warm
runs it right before each timed run, so that every tool starts on memory the machine has just
had in use (see bench/README.md, "Memory before each run").

    touch_memory.py MB
"""

import mmap
import sys


def main(megabytes):
    size = megabytes << 20
    block = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    if hasattr(block, "madvise") and hasattr(mmap, "MADV_HUGEPAGE"):
        block.madvise(mmap.MADV_HUGEPAGE)  # fewer faults; the memory touched is the same
    for offset in range(0, size, mmap.PAGESIZE):
        block[offset] = 1


if __name__ == "__main__":
    main(int(sys.argv[1]))
