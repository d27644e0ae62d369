# -*- Python -*-
# The demo dialect's FileCheck suite. mlir-py's reusable lit configuration substitutes the tools and filecheck,
# and makes them load the plugin from this source tree; `lit -D plugin_discovery=entry-points test` instead
# relies on the installed package's entry point.
import os

from mlir_py.lit.config import configure

here = os.path.dirname(__file__)
configure(config, lit_config, name="mlir-py-plugin-demo", test_source_root=here,  # noqa: F821
          dialect_plugins=[os.path.join(here, "..", "mlir_py_plugin_demo")])
