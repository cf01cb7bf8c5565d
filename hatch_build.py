"""The wheel's prebuilt cache entries (gxlint/prebuilt/), made while the wheel is built.

Every built-in pack validated, the formats' `detect:` blocks and the grammar's terminals as Lark
compiles them (src/gxlint/app/prebuild.py), so that the first run of a fresh install reads them
instead of parsing YAML and loading Lark. They are made from the files being packaged, never
committed: a source checkout builds them into the user's private cache at first use instead.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrebuiltEntries(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install builds them at first use, like a checkout
        sys.path.insert(0, str(Path(self.root) / "src"))
        from gxlint.app.prebuild import write_prebuilt

        self._folder = Path(tempfile.mkdtemp(prefix="gxlint-prebuilt-"))
        for name in write_prebuilt(self._folder):
            build_data["force_include"][str(self._folder / name)] = f"gxlint/prebuilt/{name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
