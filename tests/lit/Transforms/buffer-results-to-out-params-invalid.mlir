// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --buffer-results-to-out-params

// expected-error @+1 {{cannot create out param for result with unsupported layout}}
func.func private @layout(%x: memref<4xf32, strided<[2]>>) -> memref<4xf32, strided<[2]>> {
  return %x : memref<4xf32, strided<[2]>>
}

// -----

func.func private @dyn(%x: memref<?xf32>) -> memref<?xf32> {
  return %x : memref<?xf32>
}

func.func @caller(%x: memref<?xf32>) {
  // expected-error @+1 {{cannot create out param for dynamically shaped result}}
  %r = func.call @dyn(%x) : (memref<?xf32>) -> memref<?xf32>
  return
}
