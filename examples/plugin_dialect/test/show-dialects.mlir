// The plugin is found: through --load-dialect-plugin (lit's default here) or through its installed entry point
// (lit -D plugin_discovery=entry-points).
// RUN: mlir-py-opt --show-dialects | filecheck %s
// CHECK: Available Dialects: {{.*}}demo
