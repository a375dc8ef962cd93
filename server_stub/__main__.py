"""``python -m server_stub`` is ``tweestap-server``."""

import sys

from server_stub.cli import main

sys.exit(main())
