"""Engine tests: keep Hypothesis's cache files out of the project folder.

Hypothesis writes a `.hypothesis/` folder (unicode tables, examples) into the
current directory; inside the project it trips pytest's `norecursedirs` warning
(an error here) and the Pyodide runner mounts the project read-only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import configuration

configuration.set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "track2-engine-hypothesis"))
