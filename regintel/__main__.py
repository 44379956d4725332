"""`python -m regintel`: the same as the `regintel` command."""

import sys

from regintel.cli.main import main

sys.exit(main())
