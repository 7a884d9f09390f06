"""The main file to hand spark-submit (a module inside a package cannot be
one): spark-submit [options] python/spark_submit_main.py INPUT... --out F.
It imports ajar from the installed wheel or from --py-files ajar.zip."""

import sys

from ajar.spark import main

if __name__ == "__main__":
    sys.exit(main())
