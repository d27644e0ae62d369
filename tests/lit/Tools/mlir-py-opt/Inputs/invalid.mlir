// A parse error (line 5), for the driver tests.
// expected-error @+3 {{use of undeclared SSA value name}}

func.func @f(%a: i32) -> i32 {
  return %undefined : i32
}
