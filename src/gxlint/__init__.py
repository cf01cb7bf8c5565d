"""gxlint — 政府信息公开工作年度报告合规检查 (a linter for information disclosure reports)."""

__version__ = "0.1.0"


def version_text() -> str:
    """What `gxlint --version` prints."""
    return f"gxlint {__version__}"
