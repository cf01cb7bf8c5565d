"""The values options accept, on the command line and in gxlint.toml (one place, no imports,
so that `gxlint --version` stays fast)."""

COMMANDS = (
    "check",
    "rules",
    "explain",
    "kinds",
    "parse",
    "extract",
    "test",
    "serve",
)  # gxlint COMMAND …
FORMATS = ("text", "json", "sarif", "github", "csv", "html")  # --format
FAIL_ON = ("error", "warning", "info", "never")  # --fail-on, fail-on: a severity, or never
FORMAT_VERSIONS = ("2021", "2019")  # --format-version: pre-2019 is recognised, never checked
DEFAULT_PACK = "gov-2021"  # the current format: `rules` and `explain` show it first
