"""A pass plugin that registers nothing (an error for --load-pass-plugin)."""

X = 1
