# -*- Python -*-
# The strength-reduce pass's FileCheck suite. mlir-py's reusable lit configuration substitutes the tools and
# filecheck and makes mlir-py-opt load the pass plugin from this source tree (--load-pass-plugin);
# `lit -D plugin_discovery=entry-points test` instead relies on the installed package's entry point.
import os

from mlir_py.lit.config import configure

here = os.path.dirname(__file__)
configure(config, lit_config, name="mlir-py-pass-demo", test_source_root=here,  # noqa: F821
          pass_plugins=[os.path.join(here, "..", "mlir_py_pass_demo")])
