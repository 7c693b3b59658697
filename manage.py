#!/usr/bin/env python
"""Django's command-line utility for the OMS."""

import os

from oms.config.command_line import main

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oms.config.settings")
    main()
