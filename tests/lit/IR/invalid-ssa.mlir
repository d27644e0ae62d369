// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// SSA values, blocks, regions, dominance and terminators: parser and verifier errors with mlir-opt's messages
// and notes. `test.*` ops are unregistered (allowed here): their regions are graph regions and they may
// terminate blocks, which gives multi-block CFGs without the cf dialect.

func.func @undefined_value() -> i32 {
  // expected-error @+1 {{use of undeclared SSA value name}}
  return %x : i32
}

// -----

func.func @undefined_value_in_later_block() {
  "test.br"()[^bb1] : () -> ()
^bb1:
  // expected-error @+1 {{use of undeclared SSA value name}}
  "test.use"(%x) : (i32) -> ()
  return
}

// -----

func.func @value_used_out_of_its_region() {
  "test.region"() ({
    %0 = arith.constant 0 : i32
    "test.yield"() : () -> ()
  }) : () -> ()
  // expected-error @+1 {{use of undeclared SSA value name}}
  %1 = arith.addi %0, %0 : i32
  return
}

// -----

func.func @redefinition(%a: i32) {
  // expected-note @+1 {{previously defined here}}
  %0 = arith.addi %a, %a : i32
  // expected-error @+1 {{redefinition of SSA value '%0'}}
  %0 = arith.addi %a, %a : i32
  return
}

// -----

func.func @redefinition_of_block() {
  "test.br"()[^bb1] : () -> ()
^bb1:
  "test.br"()[^bb1] : () -> ()
// expected-error @+1 {{redefinition of block '^bb1'}}
^bb1:
  return
}

// -----

func.func @undefined_block() {
  // expected-error @+1 {{reference to an undefined block}}
  "test.br"()[^bb9] : () -> ()
}

// -----

func.func @type_mismatch_between_uses() {
  // expected-note @+1 {{prior use here}}
  "test.use"(%x) : (i32) -> ()
  // expected-error @+1 {{use of value '%x' expects different type than prior uses: 'i64' vs 'i32'}}
  "test.use"(%x) : (i64) -> ()
  return
}

// -----

func.func @forward_reference_with_other_type() {
  "test.br"()[^bb1] : () -> ()
^bb2:
  // expected-note @+1 {{previously used here with type 'i32'}}
  "test.use"(%x) : (i32) -> ()
  return
^bb1:
  // expected-error @+1 {{definition of SSA value '%x#0' has type 'i64'}}
  %x = arith.constant 0 : i64
  "test.br"()[^bb2] : () -> ()
}

// -----

func.func @result_count_mismatch() {
  // expected-error @+1 {{operation defines 1 results but was provided 2 to bind}}
  %0:2 = arith.constant 0 : i32
  return
}

// -----

func.func @invalid_result_number() {
  %0 = arith.constant 0 : i32
  // expected-error @+1 {{reference to invalid result number}}
  %1 = arith.addi %0#1, %0 : i32
  return
}

// -----

func.func @use_before_def_in_block() {
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %1 = arith.constant 0 : i32
  return
}

// -----

func.func @self_use_in_cfg_region() {
  // expected-error @+2 {{operand #0 does not dominate this use}}
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %0 = arith.addi %0, %0 : i32
  return
}

// -----

func.func @def_does_not_dominate_join(%c: i1) {
  "test.cond_br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  // expected-note @+1 {{operand defined here (op in the same region)}}
  %0 = arith.constant 0 : i32
  "test.br"()[^bb3] : () -> ()
^bb2:
  "test.br"()[^bb3] : () -> ()
^bb3:
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %1 = arith.addi %0, %0 : i32
  return
}

// -----

func.func @def_after_region_use() {
  "test.region"() ({
    ^bb0:
    // expected-error @+1 {{operand #0 does not dominate this use}}
    %1 = arith.addi %0, %0 : i32
    "test.yield"() : () -> ()
  }) : () -> ()
  // expected-note @+1 {{operand defined here (op in a parent region)}}
  %0 = arith.constant 0 : i32
  return
}

// -----

// expected-note @+1 {{operand defined as a block argument (block #1 in the same region)}}
func.func @block_argument_does_not_dominate() {
  "test.br"()[^bb2] : () -> ()
^bb1(%a: i32):
  "test.br"()[^bb2] : () -> ()
^bb2:
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %a, %a : i32
  return
}

// -----

func.func @graph_region_allows_any_order() {
  "test.graph"() ({
    "test.use"(%0) : (i32) -> ()
    %0 = "test.def"(%0) : (i32) -> i32
  }) : () -> ()
  // expected-error @+1 {{use of undeclared SSA value name}}
  "test.use"(%undefined) : (i32) -> ()
  return
}

// -----

%c = arith.constant 0 : i32
// expected-note @+1 {{required by region isolation constraints}}
func.func @isolated_from_above() -> i32 {
  // expected-error @+1 {{'func.return' op using value defined outside the region}}
  return %c : i32
}

// -----

func.func @missing_terminator() {
  // expected-error @+1 {{block with no terminator, has %0 = "arith.constant"() <{value = 0 : i32}> : () -> i32}}
  %0 = arith.constant 0 : i32
}

// -----

func.func @missing_terminator_in_second_block() {
  "test.br"()[^bb1] : () -> ()
^bb1:
  %x = arith.constant 0 : i32
  // expected-error @+1 {{block with no terminator}}
  %y = arith.constant 1 : i32
}

// -----

func.func @terminator_not_last() {
  // expected-error @+1 {{'func.return' op must be the last operation in the parent block}}
  return
  "test.op"() : () -> ()
}

// -----

func.func @successors_in_the_middle() {
  // expected-error @+1 {{operation with block successors must terminate its parent block}}
  "test.br"()[^bb1] : () -> ()
  "test.op"() : () -> ()
^bb1:
  return
}

// -----

// expected-error @+1 {{entry block of region may not have predecessors}}
func.func @entry_block_with_predecessor() {
^bb0:
  "test.br"()[^bb0] : () -> ()
}

// -----

// expected-note @+1 {{see existing symbol definition here}}
func.func @symbol() {
  return
}
// expected-error @+1 {{redefinition of symbol named 'symbol'}}
func.func @symbol() {
  return
}

// -----

// expected-error @+1 {{'builtin.module' op expects region #0 to have 0 or 1 blocks}}
"builtin.module"() ({
^bb0:
  "test.op"() : () -> ()
^bb1:
  "test.op"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{custom op 'func.func' expected non-empty function body}}
func.func @empty_body() {
}
