"""The `traingate` console script: the binary, with the arguments given."""

from __future__ import annotations

import os
import sys

from . import TrainGateError, binary


def main() -> None:
    try:
        program = binary()
    except TrainGateError as error:
        print(f"traingate: error: {error}", file=sys.stderr)
        sys.exit(2)
    os.execv(program, [program, *sys.argv[1:]])


if __name__ == "__main__":
    main()
