// RUN: mlir-py-opt %s --buffer-results-to-out-params | filecheck %s
// RUN: mlir-py-opt %s --buffer-results-to-out-params="hoist-static-allocs=true add-result-attr=true modify-public-functions=true" | filecheck %s --check-prefix=HOIST

// A returned argument is copied into the out-param; non-memref results stay results.
// CHECK-LABEL: func.func private @basic(%arg0: memref<4xf32>, %arg1: memref<4xf32>) -> i32
// CHECK-NEXT:    %[[C:.*]] = arith.constant 1 : i32
// CHECK-NEXT:    memref.copy %arg0, %arg1 : memref<4xf32> to memref<4xf32>
// CHECK-NEXT:    return %[[C]] : i32
// HOIST-LABEL: func.func private @basic(%arg0: memref<4xf32>, %arg1: memref<4xf32> {bufferize.result}) -> i32
// HOIST:         memref.copy %arg0, %arg1
func.func private @basic(%x: memref<4xf32>) -> (memref<4xf32>, i32) {
  %c = arith.constant 1 : i32
  return %x, %c : memref<4xf32>, i32
}

// Without hoisting the allocation is copied; with it the callee writes into the out-param directly.
// CHECK-LABEL: func.func private @fill(%arg0: f32, %arg1: memref<8xf32>)
// CHECK-NEXT:    %[[A:.*]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT:    linalg.fill ins(%arg0 : f32) outs(%[[A]] : memref<8xf32>)
// CHECK-NEXT:    memref.copy %[[A]], %arg1
// CHECK-NEXT:    return
// HOIST-LABEL: func.func private @fill(%arg0: f32, %arg1: memref<8xf32> {bufferize.result})
// HOIST-NEXT:    linalg.fill ins(%arg0 : f32) outs(%arg1 : memref<8xf32>)
// HOIST-NEXT:    return
func.func private @fill(%v: f32) -> memref<8xf32> {
  %a = memref.alloc() : memref<8xf32>
  linalg.fill ins(%v : f32) outs(%a : memref<8xf32>)
  return %a : memref<8xf32>
}

// Result attributes move to the new argument; a fully dynamic layout is allocated with the identity and cast.
// CHECK-LABEL: func.func private @strided(%arg0: memref<4xf32, strided<[?], offset: ?>>, %arg1: memref<4xf32, strided<[?], offset: ?>> {test.keep})
// CHECK:         memref.copy
func.func private @strided(%x: memref<4xf32, strided<[?], offset: ?>>) -> (memref<4xf32, strided<[?], offset: ?>> {test.keep}) {
  return %x : memref<4xf32, strided<[?], offset: ?>>
}

// The output is identical to MLIR's (iree-opt) without hoisting.
// Declarations are left alone, and so are public functions unless modify-public-functions is set.
// CHECK-LABEL: func.func private @ext(memref<4xf32>) -> (memref<4xf32>, i32)
// HOIST-LABEL: func.func private @ext(memref<4xf32>) -> (memref<4xf32>, i32)
func.func private @ext(memref<4xf32>) -> (memref<4xf32>, i32)

// CHECK-LABEL: func.func @pub() -> memref<2xf32>
// HOIST-LABEL: func.func @pub(%arg0: memref<2xf32> {bufferize.result})
// HOIST-NEXT:    return
func.func @pub() -> memref<2xf32> {
  %a = memref.alloc() : memref<2xf32>
  return %a : memref<2xf32>
}

// Calls allocate the out-params.
// CHECK-LABEL: func.func @caller
// CHECK:         %[[B:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT:    %[[R:.*]] = call @basic(%arg0, %[[B]]) : (memref<4xf32>, memref<4xf32>) -> i32
// CHECK-NEXT:    %[[F:.*]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT:    call @fill(%arg1, %[[F]]) : (f32, memref<8xf32>) -> ()
// CHECK-NEXT:    %[[XS:.*]] = memref.cast %arg0
// CHECK-NEXT:    %[[S:.*]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT:    %[[SC:.*]] = memref.cast %[[S]] : memref<4xf32> to memref<4xf32, strided<[?], offset: ?>>
// CHECK-NEXT:    call @strided(%[[XS]], %[[SC]])
// CHECK-NEXT:    %{{.*}}:2 = call @ext(%arg0)
// CHECK-NEXT:    %[[P:.*]] = call @pub() : () -> memref<2xf32>
// CHECK-NEXT:    memref.copy %[[F]], %arg2
// CHECK-NEXT:    return %[[R]] : i32
// HOIST-LABEL: func.func @caller(%arg0: memref<4xf32>, %arg1: f32, %arg2: memref<8xf32>) -> i32
// HOIST:         call @pub(%{{.*}}) : (memref<2xf32>) -> ()
func.func @caller(%x: memref<4xf32>, %v: f32, %out: memref<8xf32>) -> i32 {
  %m, %i = func.call @basic(%x) : (memref<4xf32>) -> (memref<4xf32>, i32)
  %f = func.call @fill(%v) : (f32) -> memref<8xf32>
  %xs = memref.cast %x : memref<4xf32> to memref<4xf32, strided<[?], offset: ?>>
  %s = func.call @strided(%xs) : (memref<4xf32, strided<[?], offset: ?>>) -> memref<4xf32, strided<[?], offset: ?>>
  %e:2 = func.call @ext(%x) : (memref<4xf32>) -> (memref<4xf32>, i32)
  %p = func.call @pub() : () -> memref<2xf32>
  memref.copy %f, %out : memref<8xf32> to memref<8xf32>
  return %i : i32
}

// The same allocation returned twice: hoisted into the first out-param, copied into the second.
// HOIST-LABEL: func.func private @twice(%arg0: memref<2xf32> {bufferize.result}, %arg1: memref<2xf32> {bufferize.result})
// HOIST-NEXT:    memref.copy %arg0, %arg1 : memref<2xf32> to memref<2xf32>
// HOIST-NEXT:    return
func.func private @twice() -> (memref<2xf32>, memref<2xf32>) {
  %a = memref.alloc() : memref<2xf32>
  return %a, %a : memref<2xf32>, memref<2xf32>
}
