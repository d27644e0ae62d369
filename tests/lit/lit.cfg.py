# -*- Python -*-
# lit configuration of mlir-py's own FileCheck suites (one folder per dialect and per pass, as mlir/test).
import os

from mlir_py.lit.config import configure

configure(config, lit_config, name="mlir-py", test_source_root=os.path.dirname(__file__))  # noqa: F821
