// The pass is registered: through --load-pass-plugin (lit's default here) or through the installed package's
// entry point (lit -D plugin_discovery=entry-points).
// RUN: mlir-py-opt --list-passes | filecheck %s
// RUN: mlir-py-opt --help | filecheck %s --check-prefix=HELP
// CHECK: strength-reduce-mul-by-pow2 {{ +}}Rewrite arith.muli by a power of two into arith.shli
// HELP:      --strength-reduce-mul-by-pow2 {{ +}}-   Rewrite arith.muli by a power of two into arith.shli
// HELP-NEXT:   --max-shift=<int> {{ +}}- Largest shift amount to introduce
