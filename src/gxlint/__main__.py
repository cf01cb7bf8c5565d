from gxlint.app.cli import main

raise SystemExit(main())
