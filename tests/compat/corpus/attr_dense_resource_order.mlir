// FLAGS: --allow-unregistered-dialect
// Only the blobs the IR refers to are printed, in the order of first reference; keys are quoted when needed.
"test.op"() {a = dense_resource<second> : tensor<2xi8>, b = dense_resource<"1digit"> : tensor<1xi8>, c = dense_resource<"a$b"> : tensor<1xi8>, d = dense_resource<first> : tensor<1xi8>, e = dense_resource<not_in_section> : tensor<4xf32>} : () -> ()
func.func @uses() -> tensor<1xi8> {
  %0 = arith.constant dense_resource<first> : tensor<1xi8>
  return %0 : tensor<1xi8>
}
{-#
  dialect_resources: {
    builtin: {
      first: "0x0100000005",
      unused: "0x04000000DEADBEEF",
      second: "0x010000000102",
      "1digit": "0x0100000007",
      "a$b": "0x0100000008"
    }
  }
#-}
