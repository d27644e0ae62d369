// FLAGS: --allow-unregistered-dialect
// Resources need a registered dialect that handles them, even with --allow-unregistered-dialect.
"test.op"() : () -> ()
{-#
  dialect_resources: {
    test: {
      k: "0x0100000001"
    }
  }
#-}
