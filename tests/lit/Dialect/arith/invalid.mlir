// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// arith dialect errors (verifiers, operand constraints, enum and flag syntax), with mlir-opt's messages.

func.func @extsi_to_narrower(%a: i16) -> i8 {
  // mlir-py: mlir-opt says "'arith.extsi' op operand type 'i16' and result type 'i8' are cast incompatible"
  // expected-error @+1 {{'arith.extsi' op result type 'i8' must be wider than operand type 'i16'}}
  %0 = arith.extsi %a : i16 to i8
  return %0 : i8
}

// -----

func.func @extui_to_same_width(%a: i16) -> i16 {
  // mlir-py: mlir-opt says "'arith.extui' op operand type 'i16' and result type 'i16' are cast incompatible"
  // expected-error @+1 {{'arith.extui' op result type 'i16' must be wider than operand type 'i16'}}
  %0 = arith.extui %a : i16 to i16
  return %0 : i16
}

// -----

func.func @trunci_to_wider(%a: i16) -> i32 {
  // mlir-py: mlir-opt says "'arith.trunci' op operand type 'i16' and result type 'i32' are cast incompatible"
  // expected-error @+1 {{'arith.trunci' op result type 'i32' must be shorter than operand type 'i16'}}
  %0 = arith.trunci %a : i16 to i32
  return %0 : i32
}

// -----

func.func @extf_to_narrower(%a: f64) -> f32 {
  // mlir-py: mlir-opt says "'arith.extf' op operand type 'f64' and result type 'f32' are cast incompatible"
  // expected-error @+1 {{'arith.extf' op result type 'f32' must be wider than operand type 'f64'}}
  %0 = arith.extf %a : f64 to f32
  return %0 : f32
}

// -----

func.func @truncf_to_wider(%a: f16) -> f32 {
  // mlir-py: mlir-opt says "'arith.truncf' op operand type 'f16' and result type 'f32' are cast incompatible"
  // expected-error @+1 {{'arith.truncf' op result type 'f32' must be shorter than operand type 'f16'}}
  %0 = arith.truncf %a : f16 to f32
  return %0 : f32
}

// -----

func.func @extsi_vector_shape_mismatch(%a: vector<4xi8>) -> vector<2xi16> {
  // expected-error @+1 {{'arith.extsi' op requires the same shape for all operands and results}}
  %0 = arith.extsi %a : vector<4xi8> to vector<2xi16>
  return %0 : vector<2xi16>
}

// -----

func.func @index_cast_between_integers(%a: i32) -> i64 {
  // expected-error @+1 {{'arith.index_cast' op operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.index_cast %a : i32 to i64
  return %0 : i64
}

// -----

func.func @bitcast_width_mismatch(%a: i32) -> f64 {
  // expected-error @+1 {{'arith.bitcast' op operand type 'i32' and result type 'f64' are cast incompatible}}
  %0 = arith.bitcast %a : i32 to f64
  return %0 : f64
}

// -----

func.func @sitofp_from_float(%a: f32) -> f64 {
  // mlir-py: mlir-opt says "... must be signless-fixed-width-integer-like, but got 'f32'"
  // expected-error @+1 {{'arith.sitofp' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = arith.sitofp %a : f32 to f64
  return %0 : f64
}

// -----

func.func @cmpi_on_floats(%a: f32) -> i1 {
  // mlir-py: mlir-opt says "custom op 'arith.cmpi' 'lhs' must be signless-non-zero-bitwidth-integer-like, but got 'f32'"
  // expected-error @+1 {{'arith.cmpi' op operand #0 must be signless-integer-like}}
  %0 = arith.cmpi slt, %a, %a : f32
  return %0 : i1
}

// -----

func.func @cmpf_on_integers(%a: i32) -> i1 {
  // mlir-py: mlir-opt says "custom op 'arith.cmpf' 'lhs' must be floating-point-like, but got 'i32'"
  // expected-error @+1 {{'arith.cmpf' op operand #0 must be floating-point-like}}
  %0 = arith.cmpf olt, %a, %a : i32
  return %0 : i1
}

// -----

func.func @cmpi_bad_predicate(%a: i32) -> i1 {
  // mlir-py: mlir-opt says "custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, ...]"
  // expected-error @+1 {{invalid value for 'predicate': expected one of [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]}}
  %0 = arith.cmpi lt, %a, %a : i32
  return %0 : i1
}

// -----

func.func @cmpf_bad_predicate(%a: f32) -> i1 {
  // mlir-py: mlir-opt says "custom op 'arith.cmpf' expected string or keyword containing one of the following enum values for attribute 'predicate' [false, oeq, ...]"
  // expected-error @+1 {{invalid value for 'predicate': expected one of [false, oeq, ogt, oge, olt, ole, one, ord, ueq, ugt, uge, ult, ule, une, uno, true]}}
  %0 = arith.cmpf slt, %a, %a : f32
  return %0 : i1
}

// -----

func.func @cmpi_result_shape(%a: vector<4xi32>) -> vector<2xi1> {
  // mlir-py: mlir-opt says "'arith.cmpi' op failed to verify that result type has i1 element type and same shape as operands"
  // expected-error @+1 {{'arith.cmpi' op result type must have the shape of the operands}}
  %0 = "arith.cmpi"(%a, %a) <{predicate = 2 : i64}> : (vector<4xi32>, vector<4xi32>) -> vector<2xi1>
  return %0 : vector<2xi1>
}

// -----

func.func @addi_on_floats(%a: f32) -> f32 {
  // mlir-py: mlir-opt says "... must be signless-non-zero-bitwidth-integer-like, but got 'f32'"
  // expected-error @+1 {{'arith.addi' op operand #0 must be signless-integer-like}}
  %0 = arith.addi %a, %a : f32
  return %0 : f32
}

// -----

func.func @addf_on_integers(%a: i32) -> i32 {
  // expected-error @+1 {{'arith.addf' op operand #0 must be floating-point-like}}
  %0 = arith.addf %a, %a : i32
  return %0 : i32
}

// -----

func.func @addi_type_mismatch(%a: i32, %b: i64) -> i32 {
  // expected-error @+1 {{'arith.addi' op requires the same type for all operands and results}}
  %0 = "arith.addi"(%a, %b) : (i32, i64) -> i32
  return %0 : i32
}

// -----

func.func @constant_type_mismatch() -> i32 {
  // mlir-py: mlir-opt says "'arith.constant' op failed to verify that all of {value, result} have same type"
  // expected-error @+1 {{'arith.constant' op value must be an integer, float, or elements attribute}}
  %0 = "arith.constant"() <{value = 1 : i64}> : () -> i32
  return %0 : i32
}

// -----

func.func @constant_signed_type() -> si32 {
  // expected-error @+1 {{'arith.constant' op integer return type must be signless}}
  %0 = arith.constant 1 : si32
  return %0 : si32
}

// -----

func.func @constant_string() -> i32 {
  // mlir-py: mlir-opt says "'arith.constant' op failed to verify that all of {value, result} have same type"
  // expected-error @+1 {{'arith.constant' op attribute 'value' failed to satisfy constraint}}
  %0 = "arith.constant"() <{value = "str"}> : () -> i32
  return %0 : i32
}

// -----

func.func @select_shape_mismatch(%c: vector<3xi1>, %a: vector<4xi32>) -> vector<4xi32> {
  // mlir-py: mlir-opt says "'arith.select' op failed to verify that condition is signless i1 or has matching shape"
  // expected-error @+1 {{'arith.select' op expected condition type to have the same shape as the result type, expected 'vector<4xi1>', but got 'vector<3xi1>'}}
  %0 = arith.select %c, %a, %a : vector<3xi1>, vector<4xi32>
  return %0 : vector<4xi32>
}

// -----

func.func @select_condition_not_i1(%c: i32, %a: i32) -> i32 {
  // expected-error @+1 {{'arith.select' op operand #0 must be bool-like}}
  %0 = "arith.select"(%c, %a, %a) : (i32, i32, i32) -> i32
  return %0 : i32
}

// -----

func.func @select_value_type_mismatch(%c: i1, %a: i32, %b: i64) -> i32 {
  // mlir-py: mlir-opt says "'arith.select' op failed to verify that all of {true_value, false_value, result} have same type"
  // expected-error @+1 {{'arith.select' op requires the same type for all operands and results}}
  %0 = "arith.select"(%c, %a, %b) : (i1, i32, i64) -> i32
  return %0 : i32
}

// -----

func.func @bad_overflow_flag(%a: i32) -> i32 {
  // mlir-py: mlir-opt says "expected ::mlir::arith::IntegerOverflowFlags to be one of: none, nsw, nuw" and "failed to parse Arith_IntegerOverflowAttr ..."
  // expected-error @+1 {{invalid value for 'overflowFlags': unknown overflow flag(s): bogus}}
  %0 = arith.addi %a, %a overflow<bogus> : i32
  return %0 : i32
}

// -----

func.func @bad_fastmath_flag(%a: f32) -> f32 {
  // mlir-py: mlir-opt says "expected ::mlir::arith::FastMathFlags to be one of: none, reassoc, ..." and "failed to parse Arith_FastMathAttr ..."
  // expected-error @+1 {{invalid value for 'fastmath': unknown fastmath flag(s): bogus}}
  %0 = arith.addf %a, %a fastmath<bogus> : f32
  return %0 : f32
}

// -----

func.func @bad_rounding_mode(%a: f32) -> f16 {
  // mlir-py: mlir-opt treats the unknown keyword as an absent rounding mode and says "expected ':'"
  // expected-error @+1 {{invalid value for 'roundingmode': expected one of [to_nearest_even, downward, upward, toward_zero, to_nearest_away]}}
  %0 = arith.truncf %a bogus : f32 to f16
  return %0 : f16
}

// -----

func.func @mulsi_extended_result_mismatch(%a: i32) -> i64 {
  // expected-error @+1 {{'arith.mulsi_extended' op failed to verify that all of {lhs, rhs, low, high} have same type}}
  %0:2 = "arith.mulsi_extended"(%a, %a) : (i32, i32) -> (i32, i64)
  return %0#1 : i64
}

// -----

func.func @addui_extended_overflow_not_i1(%a: i32) -> i32 {
  // expected-error @+1 {{'arith.addui_extended' op result #1 must be bool-like}}
  %0:2 = "arith.addui_extended"(%a, %a) : (i32, i32) -> (i32, i32)
  return %0#1 : i32
}
