"""`gxlint serve`: the checks in a browser and over HTTP, for offices that run one service on
their intranet (intake → a bounded pool of workers → the same findings and pages as the
command line). Needs the `web` extra: pip install 'gxlint[web]'."""
